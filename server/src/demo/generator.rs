//! A generator of realistic DCAT-AP 3 catalogs of any size, for load tests
//! and benchmarks (`plaza generate-catalog`): several publishers, datasets
//! in two languages with themes, keywords, contact points, temporal and
//! spatial coverage, and two or three distributions each. Deterministic:
//! the same size gives the same file.

use std::fmt::Write;

const THEMES: &[&str] = &[
    "TRAN", "ENVI", "HEAL", "ECON", "SOCI", "GOVE", "EDUC", "ENER", "AGRI", "REGI",
];
const SUBJECTS: &[(&str, &str)] = &[
    ("Bicycle counts", "Comptages vélo"),
    ("Air quality", "Qualité de l'air"),
    ("Street trees", "Arbres d'alignement"),
    ("Parking occupancy", "Occupation des parkings"),
    ("Noise levels", "Niveaux de bruit"),
    ("Building permits", "Permis de bâtir"),
    ("Public toilets", "Toilettes publiques"),
    ("Waste collection", "Collecte des déchets"),
    ("Water consumption", "Consommation d'eau"),
    ("School capacity", "Capacité des écoles"),
];
const DISTRICTS: &[&str] = &[
    "North",
    "Harbour",
    "Old Town",
    "East",
    "Riverside",
    "West",
    "University",
];
const FORMATS: &[(&str, &str)] = &[
    ("CSV", "text/csv"),
    ("JSON", "application/json"),
    ("GEOJSON", "application/geo+json"),
    (
        "XLSX",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
];
const PUBLISHERS: usize = 12;

/// A Turtle document with `datasets` datasets under `base` (ending with `/`).
pub fn generate_catalog(datasets: usize, base: &str) -> String {
    generate_catalog_from(0, datasets, base)
}

/// Datasets `first` to `first + datasets - 1` of the generated catalog (so
/// a large catalog can be written in several files).
pub fn generate_catalog_from(first: usize, datasets: usize, base: &str) -> String {
    let mut out = String::with_capacity(datasets * 3_000 + 2_000);
    out.push_str(
        "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n@prefix dct: <http://purl.org/dc/terms/> .\n\
         @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .\n\
         @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n@prefix locn: <http://www.w3.org/ns/locn#> .\n\
         @prefix theme: <http://publications.europa.eu/resource/authority/data-theme/> .\n\
         @prefix freq: <http://publications.europa.eu/resource/authority/frequency/> .\n\
         @prefix lang: <http://publications.europa.eu/resource/authority/language/> .\n\
         @prefix access: <http://publications.europa.eu/resource/authority/access-right/> .\n\
         @prefix ftype: <http://publications.europa.eu/resource/authority/file-type/> .\n\
         @prefix lic: <http://publications.europa.eu/resource/authority/licence/> .\n\n",
    );
    for p in 0..PUBLISHERS {
        let _ = writeln!(
            out,
            "<{base}organisations/publisher-{p}> a foaf:Agent , foaf:Organization ;\n  \
             foaf:name \"City department {p}\"@en , \"Service municipal {p}\"@fr ;\n  \
             dct:type <http://purl.org/adms/publishertype/LocalAuthority> .\n"
        );
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |bound: usize| {
        // xorshift64*: a small, deterministic source of variety.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % bound
    };
    for _ in 0..first.min(1_000_000) * 24 {
        next(2);
    }
    for i in first..first + datasets {
        let (en, fr) = SUBJECTS[next(SUBJECTS.len())];
        let district = DISTRICTS[next(DISTRICTS.len())];
        let year = 2015 + next(11);
        let publisher = next(PUBLISHERS);
        let theme = THEMES[next(THEMES.len())];
        let iri = format!("{base}datasets/generated-{i}");
        let _ = write!(
            out,
            "<{iri}> a dcat:Dataset ;\n  dct:identifier \"generated-{i}\" ;\n  \
             dct:title \"{en} {district} {year}\"@en , \"{fr} {district} {year}\"@fr ;\n  \
             dct:description \"{en} in the {district} district for {year}, published by department {publisher}. Record {i}.\"@en ,\n    \
             \"{fr} dans le quartier {district} pour {year}. Fiche {i}.\"@fr ;\n  \
             dcat:keyword \"{k1}\"@en , \"{k2}\"@en , \"{district}\"@en ;\n  \
             dcat:theme theme:{theme} ;\n  \
             dct:publisher <{base}organisations/publisher-{publisher}> ;\n  \
             dcat:contactPoint [ a vcard:Kind , vcard:Organization ; vcard:fn \"Open data team {publisher}\" ; vcard:hasEmail <mailto:data{publisher}@city.example> ] ;\n  \
             dct:issued \"{year}-01-15\"^^xsd:date ; dct:modified \"{year}-12-{day:02}\"^^xsd:date ;\n  \
             dct:accrualPeriodicity freq:{freq} ;\n  \
             dct:language lang:ENG , lang:FRA ;\n  \
             dct:accessRights access:PUBLIC ;\n  \
             dct:temporal [ a dct:PeriodOfTime ; dcat:startDate \"{year}-01-01\"^^xsd:date ; dcat:endDate \"{year}-12-31\"^^xsd:date ] ;\n  \
             dct:spatial [ a dct:Location ; dcat:bbox \"POLYGON((4.{x} 51.{y},4.{x2} 51.{y},4.{x2} 51.{y2},4.{x} 51.{y2},4.{x} 51.{y}))\"^^<http://www.opengis.net/ont/geosparql#wktLiteral> ] ;\n  \
             dcat:distribution",
            k1 = en.split(' ').next().unwrap_or(en).to_lowercase(),
            k2 = theme.to_lowercase(),
            day = 1 + next(28),
            freq = ["DAILY", "WEEKLY", "MONTHLY", "ANNUAL"][next(4)],
            x = 10 + next(40),
            y = 10 + next(40),
            x2 = 60 + next(30),
            y2 = 60 + next(30),
        );
        let count = 2 + next(2);
        for d in 0..count {
            let _ = write!(
                out,
                "{} <{iri}/distributions/{d}>",
                if d == 0 { "" } else { " ," }
            );
        }
        out.push_str(" .\n");
        for d in 0..count {
            let (format, media) = FORMATS[(d + i) % FORMATS.len()];
            let _ = writeln!(
                out,
                "<{iri}/distributions/{d}> a dcat:Distribution ;\n  \
                 dct:title \"{en} {district} {year} ({format})\"@en ;\n  \
                 dcat:accessURL <https://files.city.example/{i}/{d}> ;\n  \
                 dcat:downloadURL <https://files.city.example/{i}/{d}/data.{ext}> ;\n  \
                 dct:format ftype:{format} ;\n  \
                 dcat:mediaType <http://www.iana.org/assignments/media-types/{media}> ;\n  \
                 dct:license lic:CC_BY_4_0 ;\n  \
                 dcat:byteSize \"{size}\"^^xsd:nonNegativeInteger .",
                ext = format.to_lowercase(),
                size = 1_000 + next(5_000_000),
            );
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::split;
    use crate::rdf::{Strictness, parse_graph};
    use oxigraph::io::RdfFormat;

    #[test]
    fn the_generated_catalog_parses_into_that_many_records() {
        let base = "https://plaza.example/";
        let text = generate_catalog(25, base);
        let graph = parse_graph(text.as_bytes(), RdfFormat::Turtle, base, Strictness::Strict)
            .expect("valid Turtle");
        let split = split(graph, base);
        assert_eq!(split.records.len(), 25);
        assert!(split.records.iter().all(|r| r.description.len() > 40));
        assert_eq!(generate_catalog(25, base), text, "deterministic");
    }
}
