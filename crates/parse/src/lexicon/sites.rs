//! Websites: the words of a site's or portal's line, which is never a name or a headline, and
//! the networks whose links are profiles.

/// Words that stand for a personal site when printed alone on a contact line.
pub(crate) const SITE_WORDS: &[&str] = &[
    "blog",
    "home page",
    "homepage",
    "portafolio",
    "portfolio",
    "portfólio",
    "site",
    "site web",
    "sitio web",
    "webseite",
    "website",
];

/// A network a profile link or a labelled handle belongs to.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Network {
    /// The host that identifies it (its subdomains count too: "de.linkedin.com").
    pub(crate) host: &'static str,
    /// The name a person reads and the label printed before a handle ("GitHub: jane").
    pub(crate) name: &'static str,
    /// The profile address a handle goes after, where the network has one.
    pub(crate) profile_prefix: Option<&'static str>,
}

const fn network(
    host: &'static str,
    name: &'static str,
    profile_prefix: Option<&'static str>,
) -> Network {
    Network {
        host,
        name,
        profile_prefix,
    }
}

/// Networks whose links are profiles, by host.
pub(crate) const NETWORKS: &[Network] = &[
    network("behance.net", "Behance", Some("https://www.behance.net/")),
    network("dribbble.com", "Dribbble", Some("https://dribbble.com/")),
    network("github.com", "GitHub", Some("https://github.com/")),
    network("gitlab.com", "GitLab", Some("https://gitlab.com/")),
    network("kaggle.com", "Kaggle", Some("https://www.kaggle.com/")),
    network(
        "linkedin.com",
        "LinkedIn",
        Some("https://www.linkedin.com/in/"),
    ),
    network("medium.com", "Medium", None),
    network("stackoverflow.com", "Stack Overflow", None),
    network("twitter.com", "Twitter", Some("https://twitter.com/")),
    network("x.com", "X", None),
    network("xing.com", "XING", None),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        super::super::assert_sorted_unique("SITE_WORDS", SITE_WORDS);
        let hosts: Vec<&str> = NETWORKS.iter().map(|n| n.host).collect();
        super::super::assert_sorted_unique("NETWORKS", &hosts);
    }

    #[test]
    fn a_profile_prefix_is_an_address_on_its_own_host() {
        for n in NETWORKS {
            if let Some(prefix) = n.profile_prefix {
                assert!(prefix.starts_with("https://") && prefix.ends_with('/'));
                assert!(prefix.contains(n.host), "{prefix} is not on {}", n.host);
            }
        }
    }
}
