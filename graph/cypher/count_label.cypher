// name: count_label
// mode: read
// description: number of nodes with a label
// params: none
// template: label=any_label — the label to count
MATCH (n:{{label}}) RETURN count(n) AS count
