//! Synthetic resumes as HTML pages in the styles of résumé themes, for browsers to print to
//! PDF: real producers' PDFs (embedded subset fonts, ToUnicode maps, kerned text) rather than
//! the plain Helvetica ones [`SyntheticResume::to_pdf`] draws.

use super::SyntheticResume;

/// A résumé theme: how the same resume is laid out and styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// One serif column, small-caps headings with a rule under them.
    Classic,
    /// A shaded left sidebar (contacts, skills) beside the main column, in a CSS grid.
    Sidebar,
    /// Main column left, narrow right column; letter-spaced capitals, icon glyphs before
    /// the contacts.
    Modern,
    /// One column of rows: "Title — Employer" with the dates right-aligned on the same line,
    /// contacts right-aligned beside the name (a word processor's table, or CSS flex rows).
    Rows,
    /// A Europass CV: a two-cell table, labels and dates right-aligned in the left cells,
    /// the entries in the right ones.
    Europass,
}

impl Theme {
    /// All of them.
    pub const ALL: [Theme; 5] = [
        Theme::Classic,
        Theme::Sidebar,
        Theme::Modern,
        Theme::Rows,
        Theme::Europass,
    ];

    /// Short name, for file names.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Classic => "classic",
            Theme::Sidebar => "sidebar",
            Theme::Modern => "modern",
            Theme::Rows => "rows",
            Theme::Europass => "europass",
        }
    }

    fn css(self) -> &'static str {
        match self {
            Theme::Classic => {
                "body{font-family:'DejaVu Serif',serif;margin:2.2cm;font-size:10.5pt}
                 h1{font-size:22pt;margin:0} .headline{font-size:12pt;margin:2pt 0 6pt}
                 h2{font-variant:small-caps;font-size:13pt;border-bottom:1px solid #333;margin:14pt 0 6pt}
                 .entry-title{font-weight:bold} ul{margin:2pt 0 6pt 14pt;padding:0}"
            }
            Theme::Sidebar => {
                "body{font-family:'DejaVu Sans',sans-serif;margin:0;font-size:9.5pt}
                 .page{display:grid;grid-template-columns:31% 1fr;min-height:100vh}
                 .side{background:#eef2f6;padding:1.4cm 0.7cm} .main{padding:1.4cm 1cm}
                 h1{font-size:20pt;margin:0 0 4pt} .headline{color:#345;margin:0 0 10pt}
                 h2{font-size:12pt;color:#234;margin:12pt 0 5pt} .side p{margin:2pt 0}
                 .entry-title{font-weight:bold;margin-top:6pt} ul{margin:2pt 0 4pt 12pt;padding:0}"
            }
            Theme::Modern => {
                "body{font-family:'DejaVu Sans',sans-serif;margin:1.5cm;font-size:9.5pt}
                 .page{display:flex;gap:0.9cm} .main{flex:1} .side{width:5.2cm}
                 h1{font-size:24pt;letter-spacing:1pt;margin:0} .headline{margin:2pt 0 12pt;color:#555}
                 h2{text-transform:uppercase;letter-spacing:2pt;font-size:10.5pt;margin:12pt 0 5pt}
                 .side p{margin:3pt 0} .entry-title{font-weight:bold;margin-top:6pt}
                 ul{margin:2pt 0 4pt 12pt;padding:0}"
            }
            Theme::Rows => {
                "body{font-family:'Liberation Sans','DejaVu Sans',sans-serif;font-size:10pt;margin:2cm}
                 .head{display:flex;justify-content:space-between;align-items:flex-end;border-bottom:2px solid #000;padding-bottom:6pt}
                 .contacts{text-align:right} h1{font-size:22pt;margin:0}
                 h2{font-size:11pt;text-transform:uppercase;border-bottom:1px solid #aaa;margin:12pt 0 4pt}
                 .row{display:flex;justify-content:space-between;margin-top:5pt} .row span:first-child{font-weight:bold}
                 ul{margin:2pt 0 4pt 14pt;padding:0}"
            }
            Theme::Europass => {
                "body{font-family:'DejaVu Sans',sans-serif;font-size:9.5pt;margin:1.5cm}
                 table{border-collapse:collapse;width:100%} td{vertical-align:top;padding:2pt 6pt}
                 td.label{width:28%;text-align:right;color:#1f3864;text-transform:uppercase;border-right:1px solid #999}
                 td.when{width:28%;text-align:right;color:#1f3864;border-right:1px solid #999}
                 .name{font-size:14pt;font-weight:bold} ul{margin:1pt 0 3pt 12pt;padding:0}"
            }
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

impl SyntheticResume {
    /// The resume as a standalone HTML page in `theme`'s style.
    pub fn to_html(&self, theme: Theme) -> String {
        let words = self.language.vocabulary();
        let mut main = String::new();
        for (title, lines) in self.sections() {
            main.push_str(&format!("<h2>{}</h2>\n", escape(title)));
            let mut in_list = false;
            for (line, bold) in lines {
                if let Some(bullet) = line.strip_prefix("• ") {
                    if !in_list {
                        main.push_str("<ul>");
                        in_list = true;
                    }
                    main.push_str(&format!("<li>{}</li>", escape(bullet)));
                    continue;
                }
                if in_list {
                    main.push_str("</ul>\n");
                    in_list = false;
                }
                let class = if bold { " class=\"entry-title\"" } else { "" };
                main.push_str(&format!("<div{class}>{}</div>\n", escape(&line)));
            }
            if in_list {
                main.push_str("</ul>\n");
            }
        }
        let skills = format!(
            "<h2>{}</h2>\n<p>{}</p>\n",
            escape(words.skills),
            escape(&self.skills.join(", "))
        );
        let name = format!(
            "<h1>{}</h1>\n<div class=\"headline\">{}</div>\n",
            escape(&self.name),
            escape(&self.headline)
        );
        let links: Vec<String> = self
            .links
            .iter()
            .map(|l| {
                format!(
                    "<a href=\"{}\">{}</a>",
                    escape(&l.url()),
                    escape(&l.printed)
                )
            })
            .collect();
        let body = match theme {
            Theme::Rows => self.rows_body(&links),
            Theme::Europass => self.europass_body(&links),
            Theme::Classic => format!(
                "{name}<div>{} | {} | {}</div>\n{}{main}{skills}",
                escape(&self.location),
                escape(&self.email),
                escape(&self.phone),
                if links.is_empty() {
                    String::new()
                } else {
                    format!("<div>{}</div>\n", links.join(" | "))
                }
            ),
            Theme::Sidebar => format!(
                "<div class=\"page\"><div class=\"side\">{name}<h2>{}</h2><p>{}</p><p>{}</p><p>{}</p>{}{skills}</div>\n<div class=\"main\">{main}</div></div>",
                escape(words.contact),
                escape(&self.email),
                escape(&self.phone),
                escape(&self.location),
                links.iter().map(|l| format!("<p>{l}</p>")).collect::<String>()
            ),
            Theme::Modern => format!(
                "{name}<div class=\"page\"><div class=\"main\">{main}</div>\n<div class=\"side\"><h2>{}</h2><p>✉ {}</p><p>☎ {}</p><p>⌂ {}</p>{}{skills}</div></div>",
                escape(words.contact),
                escape(&self.email),
                escape(&self.phone),
                escape(&self.location),
                links.iter().map(|l| format!("<p>🔗 {l}</p>")).collect::<String>()
            ),
        };
        format!(
            "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{}</style></head>\n<body>\n{body}\n</body></html>\n",
            self.language.code(),
            escape(&self.name),
            theme.css()
        )
    }

    fn bullets(items: &[String]) -> String {
        let items: String = items
            .iter()
            .map(|b| format!("<li>{}</li>", escape(b)))
            .collect();
        format!("<ul>{items}</ul>")
    }

    fn rows_body(&self, links: &[String]) -> String {
        let words = self.language.vocabulary();
        let mut out = format!(
            "<div class=\"head\"><div><h1>{}</h1><div>{}</div></div><div class=\"contacts\">{}<br>{}<br>{}{}</div></div>\n",
            escape(&self.name),
            escape(&self.headline),
            escape(&self.location),
            escape(&self.phone),
            escape(&self.email),
            links.iter().map(|l| format!("<br>{l}")).collect::<String>()
        );
        out += &format!("<h2>{}</h2>\n", escape(words.experience));
        for j in &self.jobs {
            out += &format!(
                "<div class=\"row\"><span>{} — {}</span><span>{}</span></div>{}\n",
                escape(&j.title),
                escape(&j.company),
                escape(&self.job_dates(j)),
                Self::bullets(&self.job_bullets(j))
            );
        }
        out += &format!("<h2>{}</h2>\n", escape(words.education));
        for school in &self.schools {
            out += &format!(
                "<div class=\"row\"><span>{} — {}</span><span>{}</span></div>\n",
                escape(&school.degree),
                escape(&school.institution),
                school.year
            );
        }
        if !self.certificates.is_empty() {
            out += &format!("<h2>{}</h2>\n", escape(words.certificates));
            for (line, _) in self.certificate_lines() {
                out += &format!("<div>{}</div>\n", escape(&line));
            }
        }
        out + &format!(
            "<h2>{}</h2>\n<p>{}</p>\n",
            escape(words.skills),
            escape(&self.skills.join(" · "))
        )
    }

    fn europass_body(&self, links: &[String]) -> String {
        let words = self.language.vocabulary();
        let row = |left: &str, class: &str, right: &str| {
            format!("<tr><td class=\"{class}\">{left}</td><td>{right}</td></tr>\n")
        };
        let mut out = String::from("<table>\n");
        out += &row(
            &escape(words.contact),
            "label",
            &format!(
                "<span class=\"name\">{}</span><br>{}",
                escape(&self.name),
                escape(&self.headline)
            ),
        );
        out += &row(
            "",
            "label",
            &format!(
                "{}<br>{}<br>{}{}",
                escape(&self.location),
                escape(&self.phone),
                escape(&self.email),
                links.iter().map(|l| format!("<br>{l}")).collect::<String>()
            ),
        );
        out += &row(&escape(words.experience), "label", "");
        // Europass prints months as numbers: "11/2020 – Present".
        let numeric = |iso: &str| match iso.split_once('-') {
            Some((year, month)) => format!("{month}/{year}"),
            None => iso.to_owned(),
        };
        for j in &self.jobs {
            let end = j
                .end
                .as_deref()
                .map(numeric)
                .unwrap_or_else(|| words.present.to_owned());
            out += &row(
                &escape(&format!("{} – {end}", numeric(&j.start))),
                "when",
                &format!(
                    "<b>{}</b><br>{}{}",
                    escape(&j.title),
                    escape(&j.company),
                    Self::bullets(&self.job_bullets(j))
                ),
            );
        }
        out += &row(&escape(words.education), "label", "");
        for school in &self.schools {
            out += &row(
                &school.year.to_string(),
                "when",
                &format!(
                    "<b>{}</b><br>{}",
                    escape(&school.degree),
                    escape(&school.institution)
                ),
            );
        }
        if !self.certificates.is_empty() {
            let lines: Vec<String> = self
                .certificate_lines()
                .into_iter()
                .map(|(l, _)| escape(&l))
                .collect();
            out += &row(&escape(words.certificates), "label", &lines.join("<br>"));
        }
        out += &row(
            &escape(words.skills),
            "label",
            &escape(&self.skills.join(", ")),
        );
        out + "</table>"
    }
}
