"""The customer side: filing on the public page (also the Libro de
Reclamaciones), signed links, the satisfaction survey, response letters
and the PDF they are printed with."""
