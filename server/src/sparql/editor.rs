//! The `/sparql` page for people: a query form with examples and, after a
//! query, its results as a table. Plain HTML; works without JavaScript.

use oxigraph::model::Term;

use crate::html::{escape, page as html_page};

/// Example queries shown as links.
const EXAMPLES: &[(&str, &str)] = &[
    (
        "The 20 most recently changed datasets",
        "PREFIX dcat: <http://www.w3.org/ns/dcat#>\nPREFIX dct: <http://purl.org/dc/terms/>\n\nSELECT ?dataset ?title ?modified WHERE {\n  ?record dcat:record ?entry .\n  ?entry <http://xmlns.com/foaf/0.1/primaryTopic> ?dataset ; dct:modified ?modified .\n  ?dataset a dcat:Dataset ; dct:title ?title .\n  FILTER(LANGMATCHES(LANG(?title), \"en\") || LANG(?title) = \"\")\n}\nORDER BY DESC(?modified)\nLIMIT 20",
    ),
    (
        "Datasets per theme",
        "PREFIX dcat: <http://www.w3.org/ns/dcat#>\n\nSELECT ?theme (COUNT(DISTINCT ?dataset) AS ?datasets) WHERE {\n  ?dataset a dcat:Dataset ; dcat:theme ?theme .\n}\nGROUP BY ?theme\nORDER BY DESC(?datasets)",
    ),
    (
        "Distributions by format",
        "PREFIX dcat: <http://www.w3.org/ns/dcat#>\nPREFIX dct: <http://purl.org/dc/terms/>\n\nSELECT ?format (COUNT(DISTINCT ?distribution) AS ?distributions) WHERE {\n  ?dataset dcat:distribution ?distribution .\n  ?distribution dct:format ?format .\n}\nGROUP BY ?format\nORDER BY DESC(?distributions)",
    ),
    (
        "Everything about one dataset (CONSTRUCT)",
        "PREFIX dcat: <http://www.w3.org/ns/dcat#>\n\nCONSTRUCT { ?dataset ?p ?o } WHERE {\n  { SELECT ?dataset WHERE { ?dataset a dcat:Dataset } LIMIT 1 }\n  ?dataset ?p ?o .\n}",
    ),
];

/// Results as a table: the variable names, then one row of cells each.
pub type Table<'a> = (&'a [String], &'a [Vec<Option<Term>>]);

/// The page, with `query` in the editor and, when given, its results.
pub fn page(query: &str, results: Option<Table<'_>>) -> String {
    let text = if query.is_empty() {
        EXAMPLES[0].1
    } else {
        query
    };
    let examples: String = EXAMPLES
        .iter()
        .map(|(title, query)| {
            let href = format!(
                "/sparql?{}",
                form_urlencoded::Serializer::new(String::new())
                    .append_pair("query", query)
                    .finish()
            );
            format!(
                "<li><a href=\"{}\">{}</a></li>",
                escape(&href),
                escape(title)
            )
        })
        .collect();
    let results_html = match results {
        None => String::new(),
        Some((variables, rows)) => {
            let head: String = variables
                .iter()
                .map(|v| format!("<th scope=\"col\">{}</th>", escape(v)))
                .collect();
            let body: String = rows
                .iter()
                .map(|row| {
                    let cells: String = row
                        .iter()
                        .map(|cell| {
                            format!(
                                "<td>{}</td>",
                                cell.as_ref().map(term_html).unwrap_or_default()
                            )
                        })
                        .collect();
                    format!("<tr>{cells}</tr>\n")
                })
                .collect();
            format!(
                "<h2 id=\"results\">Results</h2>\n<p role=\"status\">{} row(s).</p>\n\
                 <div class=\"table-scroll\"><table><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table></div>",
                rows.len()
            )
        }
    };
    html_page(
        "SPARQL",
        &format!(
            "<h1>Query the catalog with SPARQL</h1>\n\
             <p>This endpoint follows the SPARQL 1.1 Protocol and answers queries only. Machines can send \
             <code>GET /sparql?query=…</code> or <code>POST</code> with <code>application/sparql-query</code>; \
             results come as SPARQL JSON, XML, CSV or TSV, and graphs as Turtle, JSON-LD, N-Triples or RDF/XML, by <code>Accept</code>. \
             Every record is its own named graph; the default graph is their union.</p>\n\
             <form method=\"get\" action=\"/sparql\">\n<label for=\"query\">Query</label>\n\
             <textarea id=\"query\" name=\"query\" rows=\"14\" spellcheck=\"false\">{}</textarea>\n\
             <button type=\"submit\">Run query</button>\n</form>\n\
             <h2>Examples</h2>\n<ul>{examples}</ul>\n{results_html}",
            escape(text)
        ),
        &[],
    )
}

fn term_html(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => format!("<a href=\"{0}\">{0}</a>", escape(n.as_str())),
        Term::Literal(l) => escape(l.value()),
        other => escape(&other.to_string()),
    }
}
