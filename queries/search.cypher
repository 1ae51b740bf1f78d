// name: search
// question_ko: 이름(한글, 영문, 별칭, 이름의 일부)으로 기관·사업·인물 찾기
// question_en: Find actors, programmes and people by name: Korean, English, alias or part of one (agreements: agreements_of)
// args: name
// params: name — the text to look for (case and spaces ignored)
// params: limit — the most rows to return
// default: limit=50
// columns: id, label, name_ko, name_en, province_ko, match
CALL {
  MATCH (n:Actor)
  RETURN n
  UNION ALL
  MATCH (n:Program)
  RETURN n
  UNION ALL
  MATCH (n:Person)
  RETURN n
}
WITH n, toLower(replace($name, ' ', '')) AS q,
     toLower(replace(coalesce(n.name_ko, ''), ' ', '')) AS ko,
     toLower(replace(coalesce(n.name_en, ''), ' ', '')) AS en,
     [x IN coalesce(n.aliases, []) | toLower(replace(x, ' ', ''))] AS other
WITH n, CASE
          WHEN ko = q OR en = q OR q IN other THEN 'exact'
          WHEN ko CONTAINS q OR en CONTAINS q OR any(x IN other WHERE x CONTAINS q) THEN 'partial'
        END AS match
WHERE match IS NOT NULL
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Actor'][0] AS label, n.name_ko AS name_ko, n.name_en AS name_en,
       n.province_ko AS province_ko, match
ORDER BY match, size(n.name_ko), n.name_ko
LIMIT $limit
