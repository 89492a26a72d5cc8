//! Synthetic resumes with known fields, rendered as PDF (one or two columns), DOCX and text.
//!
//! Tests, benchmarks and the corpus generator use these instead of real people's files. The
//! same seed always gives the same resume and the same bytes. Not part of the product: the
//! engine's and CLI's tests, the benchmarks and `cvdeck-dev` use it.
#![deny(missing_docs)]

use std::io::{Cursor, Write};

/// A job on a synthetic resume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// Title.
    pub title: String,
    /// Employer.
    pub company: String,
    /// `YYYY-MM`.
    pub start: String,
    /// `YYYY-MM`, or None for a current job.
    pub end: Option<String>,
}

/// A school on a synthetic resume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct School {
    /// Institution.
    pub institution: String,
    /// Degree.
    pub degree: String,
    /// Graduation year.
    pub year: u32,
}

/// A certification on a synthetic resume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certification {
    /// e.g. "AWS Certified Solutions Architect".
    pub name: String,
    /// Who issued it.
    pub issuer: String,
    /// Year obtained.
    pub year: u32,
}

/// A web link printed in a synthetic resume's contacts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedLink {
    /// As printed, without a scheme: "github.com/annaschmidt7".
    pub printed: String,
    /// The network ("GitHub", "LinkedIn"), or None for the personal site (`basics.url`).
    pub network: Option<&'static str>,
    /// The handle on the network.
    pub username: Option<String>,
}

impl PrintedLink {
    /// The absolute URL a parser should report.
    pub fn url(&self) -> String {
        format!("https://{}", self.printed)
    }
}

/// A resume whose every field is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntheticResume {
    /// Full name.
    pub name: String,
    /// Headline.
    pub headline: String,
    /// E-mail.
    pub email: String,
    /// Phone.
    pub phone: String,
    /// "City, Country".
    pub location: String,
    /// Jobs, newest first.
    pub jobs: Vec<Job>,
    /// Schools.
    pub schools: Vec<School>,
    /// Skills.
    pub skills: Vec<String>,
    /// Certifications (none on some resumes).
    pub certificates: Vec<Certification>,
    /// Personal site and profiles printed under the contacts (none on some resumes).
    pub links: Vec<PrintedLink>,
    /// Bullet points under each job: 1 keeps a resume on one page, 40 takes it to two or three.
    pub bullets_per_job: usize,
    /// The language it is written in.
    pub language: Language,
}

/// The language of a synthetic resume: headings, month names, titles, degrees and schools.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// English.
    English,
    /// German.
    German,
    /// French.
    French,
    /// Spanish.
    Spanish,
    /// Portuguese.
    Portuguese,
}

/// What changes from one language to another.
struct Vocabulary {
    experience: &'static str,
    education: &'static str,
    skills: &'static str,
    certificates: &'static str,
    contact: &'static str,
    present: &'static str,
    months: [&'static str; 12],
    titles: &'static [&'static str],
    degrees: &'static [&'static str],
    schools: &'static [&'static str],
    delivered: &'static str,
}

impl Language {
    /// All five.
    pub const ALL: [Language; 5] = [
        Language::English,
        Language::German,
        Language::French,
        Language::Spanish,
        Language::Portuguese,
    ];

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
            Language::French => "fr",
            Language::Spanish => "es",
            Language::Portuguese => "pt",
        }
    }

    fn vocabulary(self) -> Vocabulary {
        match self {
            Language::English => Vocabulary {
                experience: "Experience",
                education: "Education",
                skills: "Skills",
                certificates: "Certifications",
                contact: "Contact",
                present: "Present",
                months: [
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec",
                ],
                titles: TITLES,
                degrees: DEGREES,
                schools: SCHOOLS,
                delivered: "Delivered projects as",
            },
            Language::German => Vocabulary {
                experience: "Berufserfahrung",
                education: "Ausbildung",
                skills: "Kenntnisse",
                certificates: "Zertifikate",
                contact: "Kontakt",
                present: "heute",
                months: [
                    "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.",
                    "Nov.", "Dez.",
                ],
                titles: &[
                    "Softwareentwickler",
                    "Datenanalystin",
                    "Produktmanager",
                    "Projektleiterin",
                    "Werkstudent",
                ],
                degrees: &[
                    "B.Sc. Informatik",
                    "M.Sc. Wirtschaftsinformatik",
                    "Diplom-Ingenieur Maschinenbau",
                ],
                schools: &[
                    "Technische Universität Dresden",
                    "Universität Wien",
                    "Hochschule München",
                ],
                delivered: "Projekte umgesetzt als",
            },
            Language::French => Vocabulary {
                experience: "Expérience professionnelle",
                education: "Formation",
                skills: "Compétences",
                certificates: "Certifications",
                contact: "Contact",
                present: "aujourd'hui",
                months: [
                    "janvier",
                    "février",
                    "mars",
                    "avril",
                    "mai",
                    "juin",
                    "juillet",
                    "août",
                    "septembre",
                    "octobre",
                    "novembre",
                    "décembre",
                ],
                titles: &[
                    "Ingénieur logiciel",
                    "Analyste de données",
                    "Chef de projet",
                    "Développeur web",
                ],
                degrees: &[
                    "Master en informatique",
                    "Licence en mathématiques",
                    "Diplôme d'ingénieur",
                ],
                schools: &[
                    "Université de Lyon",
                    "École Centrale de Nantes",
                    "Université de Bordeaux",
                ],
                delivered: "Projets livrés en tant que",
            },
            Language::Spanish => Vocabulary {
                experience: "Experiencia laboral",
                education: "Educación",
                skills: "Habilidades",
                certificates: "Certificaciones",
                contact: "Contacto",
                present: "actualidad",
                months: [
                    "enero",
                    "febrero",
                    "marzo",
                    "abril",
                    "mayo",
                    "junio",
                    "julio",
                    "agosto",
                    "septiembre",
                    "octubre",
                    "noviembre",
                    "diciembre",
                ],
                titles: &[
                    "Ingeniero de software",
                    "Analista de datos",
                    "Gerente de producto",
                    "Desarrollador web",
                ],
                degrees: &[
                    "Grado en Ingeniería Informática",
                    "Máster en Ciencia de Datos",
                    "Licenciatura en Economía",
                ],
                schools: &[
                    "Universidad de Sevilla",
                    "Universidad Politécnica de Madrid",
                    "Universidad de Granada",
                ],
                delivered: "Proyectos entregados como",
            },
            Language::Portuguese => Vocabulary {
                experience: "Experiência profissional",
                education: "Formação acadêmica",
                skills: "Competências",
                certificates: "Certificações",
                contact: "Contato",
                present: "atual",
                months: [
                    "janeiro",
                    "fevereiro",
                    "março",
                    "abril",
                    "maio",
                    "junho",
                    "julho",
                    "agosto",
                    "setembro",
                    "outubro",
                    "novembro",
                    "dezembro",
                ],
                titles: &[
                    "Engenheiro de software",
                    "Analista de dados",
                    "Gerente de produto",
                    "Desenvolvedor web",
                ],
                degrees: &[
                    "Bacharelado em Ciência da Computação",
                    "Mestrado em Engenharia",
                    "Licenciatura em Matemática",
                ],
                schools: &[
                    "Universidade de Coimbra",
                    "Universidade de São Paulo",
                    "Universidade Federal do Paraná",
                ],
                delivered: "Projetos entregues como",
            },
        }
    }
}

/// Page layout of a rendered PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One column, top to bottom.
    OneColumn,
    /// Contacts and skills in a left sidebar, experience and education on the right.
    TwoColumn,
}

const FIRST: &[&str] = &[
    "Jane", "Lukas", "Amélie", "Sofía", "João", "Priya", "Tom", "Hannah", "Mateo", "Chloé", "Aiko",
    "Omar",
];
const LAST: &[&str] = &[
    "Doe",
    "Müller",
    "Dubois",
    "García",
    "Silva",
    "Sharma",
    "Baker",
    "Schmidt",
    "Fernández",
    "Martin",
    "Tanaka",
    "Haddad",
];
const TITLES: &[&str] = &[
    "Software Engineer",
    "Data Analyst",
    "Product Manager",
    "Backend Developer",
    "DevOps Engineer",
    "UX Designer",
    "Site Reliability Engineer",
    "Data Scientist",
];
const CERTIFICATIONS: &[(&str, &str)] = &[
    ("AWS Certified Solutions Architect", "Amazon Web Services"),
    ("Professional Scrum Master I", "Scrum.org"),
    ("Google Data Analytics Certificate", "Google"),
    ("CCNA", "Cisco"),
    ("ITIL 4 Foundation", "Axelos"),
    (
        "Certified Kubernetes Administrator",
        "Cloud Native Computing Foundation",
    ),
];

const COMPANIES: &[&str] = &[
    "Acme Corp",
    "Globex GmbH",
    "Initech Inc.",
    "Umbrella Ltd",
    "Stark Industries",
    "Wayne Enterprises",
    "Hooli LLC",
    "Vandelay Industries",
];
const SCHOOLS: &[&str] = &[
    "Technical University of Munich",
    "University of Lisbon",
    "Stanford University",
    "École Polytechnique",
    "University of Barcelona",
    "Imperial College London",
];
const DEGREES: &[&str] = &[
    "B.Sc. in Computer Science",
    "M.Sc. in Data Science",
    "Bachelor of Arts in Design",
    "Master of Engineering",
    "MBA",
];
const SKILLS: &[&str] = &[
    "Rust",
    "Python",
    "SQL",
    "Kubernetes",
    "React",
    "Go",
    "Docker",
    "PostgreSQL",
    "AWS",
    "Figma",
    "TypeScript",
    "Terraform",
];
const CITIES: &[&str] = &[
    "Berlin, Germany",
    "Lisbon, Portugal",
    "Paris, France",
    "Madrid, Spain",
    "Austin, TX",
    "London, UK",
];

/// A small deterministic generator (SplitMix64), so fixtures never depend on a crate's RNG.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

impl SyntheticResume {
    /// The English resume for `seed`.
    pub fn generate(seed: u64) -> SyntheticResume {
        SyntheticResume::generate_in(seed, Language::English)
    }

    /// The resume for `seed`, written in `language`.
    pub fn generate_in(seed: u64, language: Language) -> SyntheticResume {
        let words = language.vocabulary();
        let mut r = Mix(seed);
        let first = r.pick(FIRST);
        let last = r.pick(LAST);
        let ascii = |s: &str| -> String { cvdeck_engine::parse::fold_ascii(s) };
        let n_jobs = 1 + (r.next() % 3) as usize;
        let mut year = 2024 - (r.next() % 3) as u32;
        let mut jobs = Vec::new();
        for i in 0..n_jobs {
            let length = 1 + (r.next() % 4) as u32;
            let start_month = 1 + (r.next() % 12) as u32;
            jobs.push(Job {
                title: r.pick(words.titles).to_owned(),
                company: r.pick(COMPANIES).to_owned(),
                start: format!("{}-{start_month:02}", year - length),
                end: (i > 0).then(|| format!("{year}-{:02}", 1 + (r.next() % 12))),
            });
            year -= length + 1;
        }
        let handle = format!("{}{}", ascii(first), ascii(last)).to_lowercase();
        let network = |name: &'static str, host: &str, username: String| PrintedLink {
            printed: format!("{host}/{username}"),
            network: Some(name),
            username: Some(username),
        };
        let linkedin = network(
            "LinkedIn",
            "linkedin.com/in",
            format!("{}-{}-{}", ascii(first), ascii(last), seed % 1000).to_lowercase(),
        );
        // Drawn from the seed, not the generator, so the other fields stay as they were.
        let links = match seed % 3 {
            0 => vec![
                network("GitHub", "github.com", format!("{handle}{}", seed % 100)),
                linkedin,
            ],
            1 => vec![
                PrintedLink {
                    printed: format!("{handle}.dev"),
                    network: None,
                    username: None,
                },
                linkedin,
            ],
            _ => Vec::new(),
        };
        let mut skills: Vec<String> = Vec::new();
        while skills.len() < 5 {
            let s = r.pick(SKILLS).to_owned();
            if !skills.contains(&s) {
                skills.push(s);
            }
        }
        SyntheticResume {
            name: format!("{first} {last}"),
            headline: r.pick(words.titles).to_owned(),
            email: format!(
                "{}.{}{}@example.com",
                ascii(first),
                ascii(last),
                seed % 1000
            ),
            phone: format!("+49 30 {:07}", r.next() % 10_000_000),
            location: r.pick(CITIES).to_owned(),
            jobs,
            schools: vec![School {
                institution: r.pick(words.schools).to_owned(),
                degree: r.pick(words.degrees).to_owned(),
                year: year - (r.next() % 2) as u32,
            }],
            skills,
            certificates: (0..r.next() % 3)
                .map(|k| {
                    let (name, issuer) =
                        CERTIFICATIONS[(seed as usize + k as usize * 2) % CERTIFICATIONS.len()];
                    Certification {
                        name: name.to_owned(),
                        issuer: issuer.to_owned(),
                        year: 2024 - (r.next() % 8) as u32,
                    }
                })
                .collect(),
            links,
            bullets_per_job: match seed % 4 {
                2 => 16,
                3 => 40,
                _ => 1,
            },
            language,
        }
    }

    fn month_year(&self, iso: &str) -> String {
        let names = self.language.vocabulary().months;
        let (y, m) = iso.split_once('-').unwrap_or((iso, "01"));
        let m: usize = m.parse().unwrap_or(1);
        format!("{} {y}", names[(m.clamp(1, 12)) - 1])
    }

    /// "Jan 2020 – Present", in the resume's language.
    fn job_dates(&self, j: &Job) -> String {
        let end = j
            .end
            .as_deref()
            .map(|e| self.month_year(e))
            .unwrap_or_else(|| self.language.vocabulary().present.to_owned());
        format!("{} – {end}", self.month_year(&j.start))
    }

    /// What the job's bullet points say, without their bullets.
    fn job_bullets(&self, j: &Job) -> Vec<String> {
        let words = self.language.vocabulary();
        (1..=self.bullets_per_job)
            .map(|k| {
                let number = if self.bullets_per_job > 1 {
                    format!(", #{k}")
                } else {
                    String::new()
                };
                format!(
                    "{} {} ({}){number}",
                    words.delivered,
                    j.title.to_lowercase(),
                    j.company
                )
            })
            .collect()
    }

    fn job_lines(&self) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        for j in &self.jobs {
            out.push((j.title.clone(), true));
            out.push((format!("{} | {}", j.company, self.job_dates(j)), false));
            out.extend(
                self.job_bullets(j)
                    .into_iter()
                    .map(|b| (format!("• {b}"), false)),
            );
        }
        out
    }

    fn certificate_lines(&self) -> Vec<(String, bool)> {
        self.certificates
            .iter()
            .map(|c| (format!("{} – {}, {}", c.name, c.issuer, c.year), false))
            .collect()
    }

    /// The sections under the header, in order, with their lines; empty ones left out.
    fn sections(&self) -> Vec<(&'static str, Vec<(String, bool)>)> {
        let words = self.language.vocabulary();
        [
            (words.experience, self.job_lines()),
            (words.education, self.school_lines()),
            (words.certificates, self.certificate_lines()),
        ]
        .into_iter()
        .filter(|(_, lines)| !lines.is_empty())
        .collect()
    }

    fn school_lines(&self) -> Vec<(String, bool)> {
        self.schools
            .iter()
            .flat_map(|s| {
                [
                    (s.institution.clone(), true),
                    (format!("{} | {}", s.degree, s.year), false),
                ]
            })
            .collect()
    }

    /// The links as one contact line: "annaschmidt.dev | linkedin.com/in/anna-schmidt-1".
    fn links_line(&self) -> String {
        self.links
            .iter()
            .map(|l| l.printed.as_str())
            .collect::<Vec<_>>()
            .join(" | ")
    }

    /// Plain text.
    pub fn to_text(&self) -> String {
        let words = self.language.vocabulary();
        let mut out = format!(
            "{}\n{}\n{} | {} | {}\n",
            self.name, self.headline, self.location, self.email, self.phone
        );
        if !self.links.is_empty() {
            out.push_str(&self.links_line());
            out.push('\n');
        }
        for (title, lines) in self.sections() {
            out.push_str(&format!("\n{title}\n"));
            for (line, _) in lines {
                out.push_str(&line);
                out.push('\n');
            }
        }
        out.push_str(&format!("\n{}\n{}\n", words.skills, self.skills.join(", ")));
        out
    }

    /// RTF, as WordPad writes it: Windows-1252 escapes for accents, `\u` for the rest.
    pub fn to_rtf(&self) -> Vec<u8> {
        let mut out = String::from(
            "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n\\f0\\fs22 ",
        );
        let headings: Vec<&str> = self.sections().iter().map(|(t, _)| *t).collect();
        for line in self.to_text().lines() {
            let bold = headings.contains(&line) || line == self.name;
            if bold {
                out.push_str("{\\b ");
            }
            for c in line.chars() {
                match c {
                    '\\' | '{' | '}' => {
                        out.push('\\');
                        out.push(c);
                    }
                    c if c.is_ascii() => out.push(c),
                    c => {
                        let mut buffer = [0; 4];
                        let (bytes, _, unmappable) =
                            encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buffer));
                        if unmappable {
                            out.push_str(&format!("\\u{}?", c as u32 as i16));
                        } else {
                            out.push_str(&format!("\\'{:02x}", bytes[0]));
                        }
                    }
                }
            }
            if bold {
                out.push('}');
            }
            out.push_str("\\par\n");
        }
        out.push('}');
        out.into_bytes()
    }

    /// A PDF with a real text layer in the standard Helvetica fonts; links are underlined.
    pub fn to_pdf(&self, layout: Layout) -> Vec<u8> {
        self.pdf(layout, Rule::Under)
    }

    /// The one-column PDF with the rule of each link drawn through its letters, as some
    /// design tools export underlined links (and as scans of them then show).
    pub fn to_pdf_with_struck_links(&self) -> Vec<u8> {
        self.pdf(Layout::OneColumn, Rule::Through)
    }

    fn pdf(&self, layout: Layout, link_rule: Rule) -> Vec<u8> {
        let words = self.language.vocabulary();
        let mut page = PageWriter::default();
        match layout {
            Layout::OneColumn => {
                let mut y = 800.0;
                page.text(50.0, y, 20.0, true, &self.name);
                y -= 22.0;
                page.text(50.0, y, 12.0, false, &self.headline);
                y -= 16.0;
                page.text(
                    50.0,
                    y,
                    10.0,
                    false,
                    &format!("{} | {} | {}", self.location, self.email, self.phone),
                );
                let mut x = 50.0;
                for (i, link) in self.links.iter().enumerate() {
                    if i == 0 {
                        y -= 14.0;
                    } else {
                        page.text(x, y, 10.0, false, "|");
                        x += 10.0;
                    }
                    x = page.link(x, y, 10.0, &link.printed, link_rule) + 6.0;
                }
                y = self.write_sections(&mut page, 50.0, y - 30.0, (18.0, 14.0));
                y = page.room(y - 18.0) + 18.0;
                page.text(50.0, y, 13.0, true, words.skills);
                page.text(50.0, y - 18.0, 10.0, false, &self.skills.join(", "));
            }
            Layout::TwoColumn => {
                page.text(40.0, 800.0, 20.0, true, &self.name);
                page.text(40.0, 778.0, 12.0, false, &self.headline);
                // Sidebar: smaller type on its own rhythm, as real templates have.
                let mut y = 740.0;
                page.text(40.0, y, 12.0, true, words.contact);
                y -= 17.0;
                for line in [
                    self.email.as_str(),
                    self.phone.as_str(),
                    self.location.as_str(),
                ] {
                    page.text(40.0, y, 9.0, false, line);
                    y -= 12.5;
                }
                for link in &self.links {
                    page.link(40.0, y, 9.0, &link.printed, link_rule);
                    y -= 12.5;
                }
                y -= 14.0;
                page.text(40.0, y, 12.0, true, words.skills);
                y -= 17.0;
                for s in &self.skills {
                    page.text(40.0, y, 9.0, false, s);
                    y -= 12.5;
                }
                // The main column runs on over later pages, alone.
                self.write_sections(&mut page, 230.0, 736.0, (19.0, 14.5));
            }
        }
        page.footers(&format!("{} · Curriculum Vitae", self.name));
        page.finish(None)
    }

    /// Writes the sections down from `y` at `x`, starting new pages as they fill; `steps` are
    /// the space under a heading and under a line. Returns where the next line would go.
    fn write_sections(&self, page: &mut PageWriter, x: f64, mut y: f64, steps: (f64, f64)) -> f64 {
        let (heading_step, line_step) = steps;
        for (title, lines) in self.sections() {
            // A heading never ends a page alone.
            y = page.room(y - heading_step) + heading_step;
            page.text(x, y, 13.0, true, title);
            y -= heading_step;
            for (line, bold) in lines {
                y = page.room(y);
                page.text(x, y, 10.0, bold, &line);
                y -= line_step;
            }
            y -= 12.0;
        }
        y
    }

    /// A DOCX (contacts in the page header, skills in a table).
    pub fn to_docx(&self) -> Vec<u8> {
        let p = |text: &str, bold: bool| -> String {
            let rpr = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
            format!(
                "<w:p><w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                xml_escape(text)
            )
        };
        let words = self.language.vocabulary();
        let mut body = p(&self.name, true) + &p(&self.headline, false);
        for (title, lines) in self.sections() {
            body += &p(title, true);
            for (line, bold) in lines {
                body += &p(&line, bold);
            }
        }
        body += &p(words.skills, true);
        body += "<w:tbl><w:tr>";
        for s in &self.skills {
            body += &format!("<w:tc>{}</w:tc>", p(s, false));
        }
        body += "</w:tr></w:tbl>";
        let mut header = p(
            &format!("{} | {} | {}", self.location, self.email, self.phone),
            false,
        );
        if !self.links.is_empty() {
            header += &p(&self.links_line(), false);
        }
        docx(&body, &header)
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn docx(body: &str, header: &str) -> Vec<u8> {
    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
    let mut buf = Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        let parts = [
            ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>"#.to_owned()),
            ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_owned()),
            ("word/_rels/document.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>"#.to_owned()),
            ("word/document.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}<w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr></w:body></w:document>"#)),
            ("word/header1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:hdr {NS}>{header}</w:hdr>"#)),
        ];
        for (name, content) in parts {
            // Writing into a Vec cannot fail; a failure here would be a bug in this function.
            zip.start_file(name, opts).expect("zip entry");
            zip.write_all(content.as_bytes()).expect("zip write");
        }
        zip.finish().expect("zip finish");
    }
    buf.into_inner()
}

mod html;
pub use html::Theme;

/// Writes `count` synthetic resumes into `dir` (made if missing), a quarter each one-column
/// PDF, two-column PDF, DOCX and text, named `resume-000000.pdf` on; the same seed gives the
/// same files.
pub fn write_files(count: u64, seed: u64, dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for i in 0..count {
        let resume = SyntheticResume::generate(seed.wrapping_mul(1_000_003).wrapping_add(i));
        let (ext, bytes) = match i % 4 {
            0 => ("pdf", resume.to_pdf(Layout::OneColumn)),
            1 => ("pdf", resume.to_pdf(Layout::TwoColumn)),
            2 => ("docx", resume.to_docx()),
            _ => ("txt", resume.to_text().into_bytes()),
        };
        std::fs::write(dir.join(format!("resume-{i:06}.{ext}")), bytes)?;
    }
    Ok(())
}

pub mod bombs;
mod fill;
pub use fill::fill_library;
mod pdf;
pub use pdf::{encrypted_pdf, image_only_pdf, scanned_pages_pdf, scanned_pdf};
use pdf::{PageWriter, Rule};

#[cfg(test)]
mod tests {
    use super::*;
    use cvdeck_engine::{parse_bytes, ExtractError, Limits};

    #[test]
    fn same_seed_same_bytes() {
        let a = SyntheticResume::generate(7);
        assert_eq!(a, SyntheticResume::generate(7));
        assert_eq!(
            a.to_pdf(Layout::OneColumn),
            SyntheticResume::generate(7).to_pdf(Layout::OneColumn)
        );
    }

    #[test]
    fn every_rendering_parses_back_to_its_fields() {
        for seed in 0..6 {
            let r = SyntheticResume::generate(seed);
            let renderings = [
                ("text", r.to_text().into_bytes()),
                ("pdf", r.to_pdf(Layout::OneColumn)),
                ("pdf2", r.to_pdf(Layout::TwoColumn)),
                ("docx", r.to_docx()),
            ];
            for (kind, bytes) in renderings {
                let parsed = parse_bytes(&bytes, &Limits::default())
                    .unwrap_or_else(|e| panic!("{kind} {seed}: {e}"));
                let b = &parsed.resume.basics;
                assert_eq!(
                    b.name.as_deref(),
                    Some(r.name.as_str()),
                    "{kind} {seed}\n{}",
                    parsed.text
                );
                assert_eq!(b.email.as_deref(), Some(r.email.as_str()), "{kind} {seed}");
                assert_eq!(b.phone.as_deref(), Some(r.phone.as_str()), "{kind} {seed}");
                let companies: Vec<_> = parsed
                    .resume
                    .work
                    .iter()
                    .filter_map(|w| w.name.clone())
                    .collect();
                let expected: Vec<_> = r.jobs.iter().map(|j| j.company.clone()).collect();
                assert_eq!(companies, expected, "{kind} {seed}\n{}", parsed.text);
                assert_eq!(parsed.resume.top_skills(5), r.skills, "{kind} {seed}");
                let links: Vec<String> = b
                    .url
                    .iter()
                    .cloned()
                    .chain(b.profiles.iter().filter_map(|p| p.url.clone()))
                    .collect();
                let printed: Vec<String> = r.links.iter().map(PrintedLink::url).collect();
                assert_eq!(links, printed, "{kind} {seed}");
            }
        }
    }

    #[test]
    fn a_three_page_resume_reads_as_one_with_its_footers_gone() {
        let r = (0..200)
            .map(SyntheticResume::generate)
            .find(|r| r.jobs.len() == 3 && r.bullets_per_job == 40)
            .expect("some seed has three long jobs");
        for layout in [Layout::OneColumn, Layout::TwoColumn] {
            let parsed = parse_bytes(&r.to_pdf(layout), &Limits::default()).unwrap();
            assert_eq!(parsed.resume.meta.pages, Some(3), "{layout:?}");
            let jobs: Vec<(Option<&str>, usize)> = parsed
                .resume
                .work
                .iter()
                .map(|w| (w.name.as_deref(), w.highlights.len()))
                .collect();
            let want: Vec<(Option<&str>, usize)> = r
                .jobs
                .iter()
                .map(|j| (Some(j.company.as_str()), 40))
                .collect();
            assert_eq!(jobs, want, "{layout:?}");
            let json = serde_json::to_string(&parsed.resume).unwrap();
            assert!(!json.contains("Curriculum Vitae"), "{layout:?}: {json}");
        }
    }

    #[test]
    fn two_column_pdf_is_read_column_by_column() {
        let r = SyntheticResume::generate(3);
        let parsed = parse_bytes(&r.to_pdf(Layout::TwoColumn), &Limits::default()).unwrap();
        assert!(
            parsed
                .resume
                .meta
                .warnings
                .contains(&"two-column layout".to_owned()),
            "{:?}",
            parsed.resume.meta.warnings
        );
        let mut expected = vec!["Contact", "Skills", "Experience", "Education"];
        if !r.certificates.is_empty() {
            expected.push("Certifications");
        }
        assert_eq!(parsed.resume.meta.sections, expected);
    }

    #[test]
    fn encrypted_and_image_only_pdfs_fail_with_their_reason() {
        let err = parse_bytes(&encrypted_pdf("secret", "pw"), &Limits::default()).unwrap_err();
        assert_eq!(err, ExtractError::Encrypted);
        let err = parse_bytes(&image_only_pdf(), &Limits::default()).unwrap_err();
        assert_eq!(err.kind(), cvdeck_engine::ErrorKind::NoTextLayer);
        assert!(
            err.to_string().starts_with("scanned PDF: no text layer ("),
            "{err}"
        );
    }
}
