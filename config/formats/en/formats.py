# Day-month-year reads the same to readers everywhere: 15 April 2024.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
YEAR_MONTH_FORMAT = "F Y"
