"""Every model of the application as a list, for peewee's migration runner (.pwmigrate)."""
from admin_app.esquema import modelos

MODELOS = modelos()
