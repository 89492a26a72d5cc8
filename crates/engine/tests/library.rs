//! Living in the library: search, filters, sorts, keyset pages, facets, same person, export.

use cvdeck_engine::export::{export, ExportFormat, CSV_HEADER};
use cvdeck_engine::resume::{Basics, Location, Resume, Skill, Work};
use cvdeck_engine::store::{Cursor, Filter, NewFile, Registered, ResumeId, Sort};
use cvdeck_engine::{Library, Status};
use std::path::PathBuf;

struct Person {
    name: &'static str,
    email: &'static str,
    city: &'static str,
    company: &'static str,
    skills: &'static [&'static str],
    since: &'static str,
    language: &'static str,
}

const PEOPLE: &[Person] = &[
    Person {
        name: "Jürgen Müller",
        email: "jm@example.de",
        city: "Köln",
        company: "Deutsche Bahn",
        skills: &["Rust", "SQL"],
        since: "2015-01",
        language: "de",
    },
    Person {
        name: "Ana Souza",
        email: "ana@example.br",
        city: "São Paulo",
        company: "Nubank",
        skills: &["Kotlin", "SQL"],
        since: "2020-03",
        language: "pt",
    },
    Person {
        name: "Émile Zola",
        email: "emile@example.fr",
        city: "Paris",
        company: "Hachette",
        skills: &["Writing"],
        since: "2023-06",
        language: "fr",
    },
    Person {
        name: "Carlos Pérez",
        email: "carlos@example.es",
        city: "Madrid",
        company: "Telefónica",
        skills: &["Rust", "Go", "sql"],
        since: "2010-09",
        language: "es",
    },
    Person {
        name: "Jane Doe",
        email: "jane@example.com",
        city: "London",
        company: "Acme",
        skills: &["Python"],
        since: "2019-01",
        language: "en",
    },
];

fn resume(p: &Person) -> Resume {
    Resume {
        basics: Basics {
            name: Some(p.name.into()),
            email: Some(p.email.into()),
            location: Location {
                city: Some(p.city.into()),
                ..Location::default()
            },
            ..Basics::default()
        },
        work: vec![Work {
            name: Some(p.company.into()),
            position: Some("Engineer".into()),
            start_date: Some(p.since.into()),
            end_date: Some("2024-12".into()),
            ..Work::default()
        }],
        skills: vec![Skill {
            name: "Skills".into(),
            keywords: p.skills.iter().map(|s| s.to_string()).collect(),
        }],
        meta: cvdeck_engine::resume::Meta {
            language: Some(p.language.into()),
            ..Default::default()
        },
        ..Resume::default()
    }
}

fn add(lib: &Library, hash: &str, r: &Resume) -> ResumeId {
    let reg = lib
        .register(&[NewFile {
            original_path: PathBuf::from(format!("/in/{hash}.pdf")),
            content_hash: hash.into(),
            stored_path: lib.stored_path_for(hash, "pdf"),
            size_bytes: 1,
        }])
        .unwrap();
    let Registered::New(id) = reg[0] else {
        panic!("{reg:?}")
    };
    lib.complete(id, "pdf", r, "full text of the resume")
        .unwrap();
    id
}

fn library() -> (tempfile::TempDir, Library, Vec<ResumeId>) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let ids = PEOPLE
        .iter()
        .enumerate()
        .map(|(i, p)| add(&lib, &format!("h{i}"), &resume(p)))
        .collect();
    (dir, lib, ids)
}

fn search(lib: &Library, q: &str) -> Vec<String> {
    let filter = Filter {
        search: Some(q.into()),
        ..Filter::default()
    };
    let page = lib.page(&filter, Sort::Relevance, None, 50).unwrap();
    assert_eq!(page.total as usize, page.cards.len(), "{q}");
    page.cards.into_iter().map(|c| c.name.unwrap()).collect()
}

#[test]
fn search_folds_diacritics_matches_prefixes_and_every_word() {
    let (_dir, lib, _) = library();
    assert_eq!(search(&lib, "muller"), ["Jürgen Müller"]);
    assert_eq!(search(&lib, "MÜLL"), ["Jürgen Müller"]);
    assert_eq!(search(&lib, "emile"), ["Émile Zola"]);
    assert_eq!(
        search(&lib, "telefonica"),
        ["Carlos Pérez"],
        "companies are searched"
    );
    assert_eq!(
        search(&lib, "sao paulo"),
        ["Ana Souza"],
        "locations are searched"
    );
    assert_eq!(
        search(&lib, "rust madrid"),
        ["Carlos Pérez"],
        "every word must match"
    );
    assert_eq!(search(&lib, "kotlin").len(), 1);
    assert!(search(&lib, "nobody").is_empty());
    // Names outrank the full text.
    let both = search(&lib, "j");
    assert!(both.contains(&"Jane Doe".to_string()), "{both:?}");
}

/// FTS5 query syntax typed into the search box is read as words, never as operators and
/// never as an error: punctuation is dropped, `AND`/`OR`/`NOT` are words to find, and a
/// quoted phrase finds the same cards as its words.
#[test]
fn search_reads_fts_syntax_in_user_input_as_plain_words() {
    let (_dir, lib, _) = library();
    let sorted = |q: &str| {
        let mut names = search(&lib, q);
        names.sort();
        names
    };
    let everyone = sorted("");
    assert_eq!(everyone.len(), PEOPLE.len());
    for q in ["\"", "^-+", "()", "*"] {
        assert_eq!(
            sorted(q),
            everyone,
            "{q:?} has no words, so it filters nothing"
        );
    }
    assert_eq!(sorted("rust*"), sorted("rust"));
    assert_eq!(sorted("rust)"), ["Carlos Pérez", "Jürgen Müller"]);
    assert_eq!(
        sorted("(sql"),
        ["Ana Souza", "Carlos Pérez", "Jürgen Müller"]
    );
    assert_eq!(sorted("\"jane doe\""), ["Jane Doe"]);
    for q in [
        "AND OR NOT",
        "kotlin OR rust",
        "NOT kotlin",
        "jane AND",
        "name:jane",
    ] {
        assert!(
            sorted(q).is_empty(),
            "{q:?}: operators are words nobody's resume has"
        );
    }
    for q in ["\"", "(sql", "NOT kotlin"] {
        let filter = Filter {
            search: Some(q.into()),
            ..Filter::default()
        };
        assert_eq!(
            lib.ids(&filter, Sort::Name).unwrap().len() as u64,
            lib.count(&filter).unwrap(),
            "{q:?}"
        );
    }
}

fn walk_every_sort(lib: &Library, filter: &Filter) {
    let expected = lib.count(filter).unwrap();
    for sort in [
        Sort::Newest,
        Sort::Oldest,
        Sort::Name,
        Sort::Experience,
        Sort::Updated,
        Sort::Relevance,
    ] {
        let mut walked = Vec::new();
        let mut after: Option<Cursor> = None;
        loop {
            let page = lib.page(filter, sort, after.as_ref(), 2).unwrap();
            assert_eq!(page.total, expected);
            walked.extend(page.cards.iter().map(|c| c.id));
            match page.next {
                Some(next) => after = Some(next),
                None => break,
            }
        }
        assert_eq!(
            walked,
            lib.ids(filter, sort).unwrap(),
            "{sort:?} {filter:?}"
        );
        assert_eq!(walked.len() as u64, expected, "{sort:?} {filter:?}");
    }
}

#[test]
fn keyset_pages_walk_every_sort_without_gaps_or_repeats() {
    let (_dir, lib, ids) = library();
    let filter = Filter::default();
    walk_every_sort(&lib, &filter);
    assert_eq!(lib.count(&filter).unwrap(), 5);
    // A search with other conditions joins the matches to the rows.
    lib.fail(
        ids[3],
        None,
        &cvdeck_engine::store::Failure {
            kind: "corrupt".into(),
            message: "x".into(),
        },
    )
    .unwrap();
    let sql_completed = Filter {
        search: Some("sql".into()),
        status: Some(Status::Completed),
        ..Filter::default()
    };
    walk_every_sort(&lib, &sql_completed);
    assert_eq!(lib.count(&sql_completed).unwrap(), 2);
    let names: Vec<String> = lib
        .page(&filter, Sort::Name, None, 10)
        .unwrap()
        .cards
        .into_iter()
        .map(|c| c.name.unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Ana Souza",
            "Carlos Pérez",
            "Émile Zola",
            "Jane Doe",
            "Jürgen Müller"
        ]
    );
    let most_experienced = lib.page(&filter, Sort::Experience, None, 1).unwrap().cards;
    assert_eq!(most_experienced[0].name.as_deref(), Some("Carlos Pérez"));
    assert_eq!(most_experienced[0].experience_months, Some(172));
}

#[test]
fn filters_compose_and_counts_follow_them() {
    let (_dir, lib, ids) = library();
    let sql = Filter {
        skills: vec!["sql".into()],
        ..Filter::default()
    };
    assert_eq!(lib.count(&sql).unwrap(), 3);
    let rust_sql = Filter {
        skills: vec!["SQL".into(), "rust".into()],
        ..Filter::default()
    };
    assert_eq!(lib.count(&rust_sql).unwrap(), 2);
    let senior = Filter {
        min_experience_months: Some(60),
        ..rust_sql.clone()
    };
    assert_eq!(lib.count(&senior).unwrap(), 2);
    let junior = Filter {
        max_experience_months: Some(24),
        ..Filter::default()
    };
    assert_eq!(
        lib.count(&junior).unwrap(),
        1,
        "only Émile has under two years"
    );
    // "At most one year" keeps 1 year and 11 months (Émile: 19 months); "at least 14" keeps
    // Carlos (14 years 4 months).
    let years = |min, max| lib.count(&Filter::default().with_years(min, max)).unwrap();
    assert_eq!(years(None, Some(1)), 1);
    assert_eq!(years(Some(14), None), 1);
    assert_eq!(years(Some(15), None), 0);

    lib.fail(
        ids[0],
        Some("pdf"),
        &cvdeck_engine::store::Failure {
            kind: "corrupt".into(),
            message: "x".into(),
        },
    )
    .unwrap();
    let failed_sql = Filter {
        status: Some(Status::Failed),
        ..sql.clone()
    };
    assert_eq!(lib.count(&failed_sql).unwrap(), 1);
    let chips = lib.counts_matching(&failed_sql).unwrap();
    assert_eq!(
        (chips.completed, chips.failed, chips.total()),
        (2, 1, 3),
        "chips ignore the status filter"
    );

    let top = lib.skill_counts(&Filter::default(), 3).unwrap();
    assert_eq!(top[0].skill, "SQL");
    assert_eq!(top[0].count, 3);
    assert_eq!(top[1].skill, "Rust");
}

#[test]
fn the_same_person_in_two_files_is_linked_both_ways() {
    let (_dir, lib, ids) = library();
    let mut again = resume(&PEOPLE[4]);
    again.basics.email = Some("JANE@example.com".into());
    let other = add(&lib, "again", &again);
    let mut namesake = resume(&PEOPLE[4]);
    namesake.basics.email = None;
    let same_city = add(&lib, "namesake", &namesake);
    let cards = lib.cards(&[ids[4], other, same_city, ids[0]]).unwrap();
    assert_eq!(cards[0].same_person, vec![other, same_city]);
    assert_eq!(cards[1].same_person, vec![ids[4], same_city]);
    assert!(cards[3].same_person.is_empty());
}

#[test]
fn a_common_name_in_a_big_city_listed_every_namesake_on_the_card() {
    let (_dir, lib, ids) = library();
    let mut namesake = resume(&PEOPLE[4]);
    namesake.basics.email = None;
    let namesakes: Vec<_> = (0..25)
        .map(|k| add(&lib, &format!("namesake {k}"), &namesake))
        .collect();
    let cards = lib.cards(&[ids[4]]).unwrap();
    assert_eq!(cards[0].same_person, namesakes[..20]);
}

#[test]
fn deleting_a_resume_removes_it_from_search_and_facets() {
    let (_dir, lib, ids) = library();
    lib.delete(ids[1]).unwrap();
    assert!(search(&lib, "nubank").is_empty());
    let kotlin = Filter {
        skills: vec!["kotlin".into()],
        ..Filter::default()
    };
    assert_eq!(lib.count(&kotlin).unwrap(), 0);
    assert_eq!(lib.integrity_check().unwrap(), "ok");
}

#[test]
fn csv_export_has_one_row_per_resume_in_the_given_order() {
    let (dir, lib, ids) = library();
    let out = dir.path().join("out/export.csv");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let order = vec![ids[3], ids[0], 9999];
    lib.add_tag(&[ids[3]], "Shortlist").unwrap();
    lib.add_tag(&[ids[3]], "Call back").unwrap();
    let mut seen = Vec::new();
    let n = export(&lib, &order, ExportFormat::Csv, &out, |done, total| {
        seen.push((done, total))
    })
    .unwrap();
    assert_eq!(n, 2, "a missing id is skipped");
    assert_eq!(seen.last(), Some(&(3, 3)));
    let mut reader = csv::Reader::from_path(&out).unwrap();
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        CSV_HEADER
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][1], "Carlos Pérez");
    assert_eq!(&rows[0][2], "carlos@example.es");
    assert_eq!(&rows[0][6], "14.3");
    assert_eq!(&rows[0][7], "Rust; Go; sql");
    assert_eq!(&rows[0][9], "completed");
    assert_eq!(&rows[0][11], "Call back; Shortlist");
    assert_eq!(&rows[1][11], "");
    assert_eq!(&rows[1][1], "Jürgen Müller");
}

#[test]
fn excel_csv_has_a_bom_and_follows_the_locales_decimal_comma() {
    let (dir, lib, ids) = library();
    let order = vec![ids[3]];
    for (decimal_comma, separator, years) in [(true, b';', "14,3"), (false, b',', "14.3")] {
        let out = dir.path().join(format!("excel-{decimal_comma}.csv"));
        let format = ExportFormat::ExcelCsv { decimal_comma };
        assert_eq!(export(&lib, &order, format, &out, |_, _| {}).unwrap(), 1);
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBFid"), "{:?}", &bytes[..8]);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(separator)
            .from_reader(&bytes[3..]);
        assert_eq!(
            reader.headers().unwrap().iter().collect::<Vec<_>>(),
            CSV_HEADER
        );
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[1], "Carlos Pérez");
        assert_eq!(&row[6], years);
        assert_eq!(
            &row[7], "Rust; Go; sql",
            "a list inside a field stays one field"
        );
    }
}

#[test]
fn json_resume_export_zips_one_valid_document_per_parsed_resume() {
    let (dir, lib, ids) = library();
    let out = dir.path().join("resumes.zip");
    let n = export(&lib, &ids, ExportFormat::JsonResumeZip, &out, |_, _| {}).unwrap();
    assert_eq!(n, 5);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    assert!(
        names.contains(&format!("{}-jürgen-müller.json", ids[0])),
        "{names:?}"
    );
    let mut first = zip.by_name(&format!("{}-ana-souza.json", ids[1])).unwrap();
    let doc: Resume = serde_json::from_reader(&mut first).unwrap();
    assert_eq!(doc.basics.email.as_deref(), Some("ana@example.br"));
}

/// `export --out` replaced what was there: a link became a regular file (its target kept the
/// old content), a named pipe was replaced, and as root /dev/full was replaced by a file.
#[cfg(unix)]
#[test]
fn an_export_writes_through_links_keeps_permissions_and_never_replaces_a_special_file() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let (dir, lib, ids) = library();
    let d = dir.path();
    let target = d.join("shared.csv");
    std::fs::write(&target, "old").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = d.join("link.csv");
    std::os::unix::fs::symlink("shared.csv", &link).unwrap();
    export(&lib, &ids, ExportFormat::Csv, &link, |_, _| {}).unwrap();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .starts_with("id,name"));
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);

    let fifo = d.join("pipe.csv");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let refused = export(&lib, &ids, ExportFormat::Csv, &fifo, |_, _| {}).unwrap_err();
    assert!(
        refused
            .to_string()
            .ends_with("it is a named pipe, not a regular file"),
        "{refused}"
    );
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
    let refused = export(
        &lib,
        &ids,
        ExportFormat::Csv,
        std::path::Path::new("/dev/full"),
        |_, _| {},
    )
    .unwrap_err();
    assert_eq!(
        refused.to_string(),
        "cannot export to /dev/full: it is a device, not a regular file"
    );
    let refused = export(&lib, &ids, ExportFormat::Csv, d, |_, _| {}).unwrap_err();
    assert!(refused.to_string().contains("it is a folder"), "{refused}");

    let fresh = d.join("new.csv");
    export(&lib, &ids, ExportFormat::Csv, &fresh, |_, _| {}).unwrap();
    let mode = std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "resumes are personal data");
}

#[test]
fn a_failed_export_leaves_no_file_behind() {
    let (dir, lib, ids) = library();
    let out = dir.path().join("no-such-dir/export.csv");
    assert!(export(&lib, &ids, ExportFormat::Csv, &out, |_, _| {}).is_err());
    assert!(!out.exists());
}

#[test]
fn the_language_filter_and_its_counts() {
    let (_dir, lib, ids) = library();
    let german = Filter {
        language: Some("de".into()),
        ..Filter::default()
    };
    assert_eq!(lib.ids(&german, Sort::Newest).unwrap(), vec![ids[0]]);
    // The counts leave out the language filter itself, and keep the others.
    let counts = lib.language_counts(&german).unwrap();
    assert_eq!(counts.len(), 5);
    assert!(counts.iter().all(|c| c.count == 1));
    let sql = Filter {
        skills: vec!["sql".into()],
        language: Some("de".into()),
        ..Filter::default()
    };
    let languages: Vec<String> = lib
        .language_counts(&sql)
        .unwrap()
        .into_iter()
        .map(|c| c.language)
        .collect();
    assert_eq!(languages, ["de", "es", "pt"]);
    // With a search too.
    let searched = Filter {
        search: Some("zola".into()),
        ..Filter::default()
    };
    assert_eq!(lib.language_counts(&searched).unwrap()[0].language, "fr");
}

#[test]
fn tags_are_put_on_taken_off_filtered_on_and_counted() {
    let (_dir, lib, ids) = library();
    assert_eq!(lib.add_tag(&ids[0..3], " Short  list ").unwrap(), 3);
    assert_eq!(
        lib.add_tag(&ids[1..2], "short list").unwrap(),
        0,
        "same tag, other case"
    );
    assert_eq!(lib.add_tag(&ids[2..4], "Call back").unwrap(), 2);
    assert_eq!(
        lib.add_tag(&ids[0..1], "   ").unwrap(),
        0,
        "an empty tag is no tag"
    );
    assert_eq!(
        lib.card(ids[2]).unwrap().tags,
        vec!["Call back".to_owned(), "Short list".to_owned()]
    );
    let both = Filter {
        tags: vec!["SHORT LIST".into(), "call back".into()],
        ..Filter::default()
    };
    assert_eq!(lib.ids(&both, Sort::Oldest).unwrap(), vec![ids[2]]);
    let counts: Vec<(String, u64)> = lib
        .tag_counts(&Filter::default())
        .unwrap()
        .into_iter()
        .map(|t| (t.tag, t.count))
        .collect();
    assert_eq!(
        counts,
        [("Short list".to_owned(), 3), ("Call back".to_owned(), 2)]
    );
    // With another filter: only the tags among what matches.
    let searched = Filter {
        search: Some("zola".into()),
        ..Filter::default()
    };
    assert_eq!(lib.tag_counts(&searched).unwrap()[0].tag, "Call back");
    assert_eq!(lib.remove_tag(&ids, "short LIST").unwrap(), 3);
    assert!(lib.card(ids[0]).unwrap().tags.is_empty());
    // A deleted resume takes its tags with it.
    lib.delete(ids[3]).unwrap();
    assert_eq!(lib.tag_counts(&Filter::default()).unwrap()[0].count, 1);
}

#[test]
fn a_field_corrected_by_hand_survives_a_re_parse_until_undone() {
    use cvdeck_engine::store::Field;
    let (_dir, lib, ids) = library();
    let id = ids[4]; // Jane Doe
    let card = lib
        .correct(id, Field::Name, Some("  Jane A. Doe "))
        .unwrap();
    assert_eq!(card.name.as_deref(), Some("Jane A. Doe"));
    assert_eq!(lib.corrected_fields(id).unwrap(), vec![Field::Name]);
    let found = Filter {
        search: Some("jane a doe".into()),
        ..Filter::default()
    };
    assert_eq!(lib.ids(&found, Sort::Relevance).unwrap(), vec![id]);

    // A re-parse finds other values: the corrected name stays, the rest follows the parse.
    let mut reparsed = resume(&PEOPLE[4]);
    reparsed.basics.name = Some("JANE DOE".into());
    reparsed.basics.email = Some("jane.doe@example.org".into());
    lib.complete(id, "pdf", &reparsed, "text").unwrap();
    let record = lib.record(id).unwrap();
    assert_eq!(record.card.name.as_deref(), Some("Jane A. Doe"));
    assert_eq!(record.card.email.as_deref(), Some("jane.doe@example.org"));
    let stored = record.resume.unwrap();
    assert_eq!(stored.basics.name.as_deref(), Some("Jane A. Doe"));
    assert!(stored
        .meta
        .warnings
        .contains(&"corrected by hand: name".to_owned()));

    // Undone: back to what the last parse found.
    let card = lib.correct(id, Field::Name, None).unwrap();
    assert_eq!(card.name.as_deref(), Some("JANE DOE"));
    assert!(lib.corrected_fields(id).unwrap().is_empty());
    // An unparsed resume cannot be corrected.
    let reg = lib
        .register(&[NewFile {
            original_path: PathBuf::from("/in/new.pdf"),
            content_hash: "new".into(),
            stored_path: lib.stored_path_for("new", "pdf"),
            size_bytes: 1,
        }])
        .unwrap();
    let Registered::New(pending) = reg[0] else {
        panic!("{reg:?}")
    };
    assert!(lib.correct(pending, Field::Email, Some("x@y.z")).is_err());
}
