//! Embedded, versioned schema migrations (tracked in `PRAGMA user_version`).

use rusqlite::{Connection, Transaction};

/// One schema step: SQL, then an optional Rust pass over existing rows.
struct Migration {
    sql: &'static str,
    backfill: Option<fn(&Transaction<'_>) -> rusqlite::Result<()>>,
}

/// Each entry upgrades the schema by one version; never edit one that has shipped.
const MIGRATIONS: &[Migration] = &[Migration {
    sql:
    // 1: resumes and their card columns.
    "CREATE TABLE resumes (
        id              INTEGER PRIMARY KEY,
        content_hash    TEXT UNIQUE,
        original_path   TEXT NOT NULL,
        file_name       TEXT NOT NULL,
        stored_path     TEXT,
        size_bytes      INTEGER NOT NULL DEFAULT 0,
        format          TEXT,
        status          TEXT NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
        error_kind      TEXT,
        error_message   TEXT,
        attempts        INTEGER NOT NULL DEFAULT 0,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL,
        parsed_at       INTEGER,
        resume_json     TEXT,
        text            TEXT,
        name            TEXT,
        headline        TEXT,
        email           TEXT,
        phone           TEXT,
        location        TEXT,
        skills_json     TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX resumes_status_id ON resumes (status, id);",
    backfill: None,
}, Migration {
    // 2: search, sort, skill filter and same-person columns, filled in for parsed rows.
    sql: "ALTER TABLE resumes ADD COLUMN companies TEXT;
    ALTER TABLE resumes ADD COLUMN titles TEXT;
    ALTER TABLE resumes ADD COLUMN schools TEXT;
    ALTER TABLE resumes ADD COLUMN skills_text TEXT;
    ALTER TABLE resumes ADD COLUMN experience_months INTEGER;
    ALTER TABLE resumes ADD COLUMN name_key TEXT;
    ALTER TABLE resumes ADD COLUMN email_key TEXT;
    ALTER TABLE resumes ADD COLUMN phone_key TEXT;
    ALTER TABLE resumes ADD COLUMN person_key TEXT;
    CREATE INDEX resumes_name ON resumes (COALESCE(name_key, char(65535)), id);
    CREATE INDEX resumes_experience ON resumes (COALESCE(experience_months, -1), id);
    CREATE INDEX resumes_updated ON resumes (updated_at, id);
    CREATE INDEX resumes_email_key ON resumes (email_key) WHERE email_key IS NOT NULL;
    CREATE INDEX resumes_phone_key ON resumes (phone_key) WHERE phone_key IS NOT NULL;
    CREATE INDEX resumes_person_key ON resumes (person_key) WHERE person_key IS NOT NULL;
    CREATE TABLE resume_skills (
        skill_key   TEXT NOT NULL,
        resume_id   INTEGER NOT NULL REFERENCES resumes (id) ON DELETE CASCADE,
        skill       TEXT NOT NULL,
        PRIMARY KEY (skill_key, resume_id)
    ) WITHOUT ROWID;
    CREATE INDEX resume_skills_resume ON resume_skills (resume_id);",
    backfill: Some(super::backfill_derived),
}, Migration {
    // 3: full-text index over what a recruiter searches, kept in step by triggers.
    sql: "CREATE VIRTUAL TABLE resumes_fts USING fts5 (
        name, headline, skills_text, companies, titles, schools, location, file_name, text,
        content = 'resumes', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    );
    CREATE TRIGGER resumes_fts_insert AFTER INSERT ON resumes BEGIN
        INSERT INTO resumes_fts (rowid, name, headline, skills_text, companies, titles, schools, location, file_name, text)
        VALUES (new.id, new.name, new.headline, new.skills_text, new.companies, new.titles, new.schools, new.location, new.file_name, new.text);
    END;
    CREATE TRIGGER resumes_fts_delete AFTER DELETE ON resumes BEGIN
        INSERT INTO resumes_fts (resumes_fts, rowid, name, headline, skills_text, companies, titles, schools, location, file_name, text)
        VALUES ('delete', old.id, old.name, old.headline, old.skills_text, old.companies, old.titles, old.schools, old.location, old.file_name, old.text);
    END;
    CREATE TRIGGER resumes_fts_update
    AFTER UPDATE OF name, headline, skills_text, companies, titles, schools, location, file_name, text ON resumes BEGIN
        INSERT INTO resumes_fts (resumes_fts, rowid, name, headline, skills_text, companies, titles, schools, location, file_name, text)
        VALUES ('delete', old.id, old.name, old.headline, old.skills_text, old.companies, old.titles, old.schools, old.location, old.file_name, old.text);
        INSERT INTO resumes_fts (rowid, name, headline, skills_text, companies, titles, schools, location, file_name, text)
        VALUES (new.id, new.name, new.headline, new.skills_text, new.companies, new.titles, new.schools, new.location, new.file_name, new.text);
    END;
    INSERT INTO resumes_fts (resumes_fts) VALUES ('rebuild');",
    backfill: None,
}, Migration {
    // 4: folders imported automatically as files appear in them.
    sql: "CREATE TABLE watched_folders (
        path        TEXT PRIMARY KEY,
        added_at    INTEGER NOT NULL
    );",
    backfill: None,
}, Migration {
    // 5: the language a resume is written in, for the language filter.
    sql: "ALTER TABLE resumes ADD COLUMN language TEXT;
    CREATE INDEX resumes_language ON resumes (language) WHERE language IS NOT NULL;",
    backfill: Some(super::backfill_language),
}, Migration {
    // 6: free-text labels recruiters put on resumes.
    sql: "CREATE TABLE resume_tags (
        tag_key     TEXT NOT NULL,
        resume_id   INTEGER NOT NULL REFERENCES resumes (id) ON DELETE CASCADE,
        tag         TEXT NOT NULL,
        PRIMARY KEY (tag_key, resume_id)
    ) WITHOUT ROWID;
    CREATE INDEX resume_tags_resume ON resume_tags (resume_id);",
    backfill: None,
}, Migration {
    // 7: fields corrected by hand, laid over every later parse.
    sql: "ALTER TABLE resumes ADD COLUMN corrections_json TEXT;",
    backfill: None,
}, Migration {
    // 8: the lease of the process that queued a pending or processing row (store/owner.rs).
    sql: "ALTER TABLE resumes ADD COLUMN owner TEXT;",
    backfill: None,
}, Migration {
    // 9: stored copies named relative to the library folder (see backfill_stored_paths).
    sql: "CREATE INDEX resumes_stored_path ON resumes (stored_path) WHERE stored_path IS NOT NULL;",
    backfill: Some(super::backfill_stored_paths),
}, Migration {
    // 10: jobs to rank resumes against, and each parsed resume's match evidence (read for
    // rows parsed before this version at the first ranking: see store/jobs.rs). A table of
    // its own, not a column: a ranking reads every row's evidence, and a column after the
    // text would make SQLite walk each resume's overflow pages to reach it.
    sql: "CREATE TABLE jobs (
        id                  INTEGER PRIMARY KEY,
        requirements_json   TEXT NOT NULL,
        ad_text             TEXT,
        created_at          INTEGER NOT NULL,
        updated_at          INTEGER NOT NULL
    );
    CREATE TABLE resume_evidence (
        resume_id   INTEGER PRIMARY KEY REFERENCES resumes (id) ON DELETE CASCADE,
        json        TEXT NOT NULL
    );",
    backfill: None,
}, Migration {
    // 11: what a window kept of how it showed this library (search, filters, sort, job), so
    // that the next start shows it the same way.
    sql: "CREATE TABLE settings (
        key     TEXT PRIMARY KEY,
        value   TEXT NOT NULL
    );",
    backfill: None,
}, Migration {
    // 12: the search index merges its segments when 8 of one size have built up, not 4:
    // an import saves a group of results every tenth of a second, each group a new segment,
    // and merging them was a sixth of the import's own work. Searches of 100,000 resumes
    // took the same time within 10 % (BENCHMARKS.md, "Import: real resumes").
    sql: "INSERT INTO resumes_fts (resumes_fts, rank) VALUES ('automerge', 8);",
    backfill: None,
}];

/// Whether a database at `version` has every table and column this version reads.
pub(super) fn is_current(version: usize) -> bool {
    version >= MIGRATIONS.len()
}

/// Brings the schema up to date inside one transaction per version.
pub(super) fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let current: usize = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (i, step) in MIGRATIONS.iter().enumerate().skip(current) {
        // Another process (the app and the CLI, or two CLIs) may be opening the same new
        // library: take the write lock first, then look again at what is already done.
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let done: usize = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if done > i {
            continue;
        }
        tx.execute_batch(step.sql)?;
        if let Some(backfill) = step.backfill {
            backfill(&tx)?;
        }
        tx.pragma_update(None, "user_version", i + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// The version 1 schema, for tests that upgrade an old library.
#[cfg(test)]
pub(super) fn first_schema() -> &'static str {
    MIGRATIONS[0].sql
}
