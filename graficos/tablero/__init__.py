"""The management dashboard: filters, SQL aggregates (over the cases or the
daily rollup), each chart's table, its plotly figure and its exports."""
