// name: find_by_name
// description: nodes of the given labels one of whose names equals the given one (lower case, no spaces)
// params: name — the name, lower case, spaces removed
// params: labels — the labels a match may have
MATCH (n)
WHERE any(l IN labels(n) WHERE l IN $labels)
  AND (toLower(replace(coalesce(n.name_ko, ''), ' ', '')) = $name
       OR toLower(replace(coalesce(n.name_en, ''), ' ', '')) = $name
       OR any(x IN coalesce(n.aliases, []) WHERE toLower(replace(x, ' ', '')) = $name))
RETURN n.id AS id, n.name_ko AS name_ko, [l IN labels(n) WHERE l <> 'Actor'][0] AS label,
       n.province_ko AS province_ko
ORDER BY id
LIMIT 20
