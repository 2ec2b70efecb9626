"""Reports: the monthly report per channel and the regulator report (checked
parameters, SQL aggregates, XLSX and PDF) and the improvement-actions
report."""
