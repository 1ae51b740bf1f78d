// name: count_type
// mode: read
// description: number of relationships of a type (the variable is referenced so parallel edges all count)
// params: none
// template: type=rel_type — the type to count
MATCH ()-[r:{{type}}]->() RETURN count(r) AS count
