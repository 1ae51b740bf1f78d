// name: actors
// description: every actor with the attributes network analysis filters and labels by
// params: none
MATCH (n:Actor)
RETURN n.id AS id, n.name_ko AS name_ko, n.name_en AS name_en, [l IN labels(n) WHERE l <> 'Actor'][0] AS label,
       n.province_ko AS province_ko, n.level AS level
