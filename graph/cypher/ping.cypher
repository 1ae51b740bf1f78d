// name: ping
// description: the smallest read, to check that a database answers
// params: none
RETURN 1 AS ok
