package mapgen

// A subject is the subject of a claim.
type subject struct {
	text   string
	plural bool
}

// The vocabulary of the generated maps: a debate about the use of force
// against Mexican cartels. Some entries have non-ASCII letters, apostrophes
// and double quotes, so that readers of the maps handle them.

// kinds are the kinds of docs/format.md.
var kinds = []string{"claim", "premise", "evidence", "testimony", "precedent", "law", "policy", "value"}

// subjects are the subjects of claims; plural ones take the plural verb.
var subjects = []subject{
	{"Calderón's 2006 offensive", false},
	{"Fentanyl revenue", false},
	{"Mexico's sovereignty", false},
	{"The Sinaloa cartel", false},
	{"Drone strikes", true},
	{"Sarukhán's testimony", false},
	{"The kingpin strategy", false},
	{"Security cooperation", false},
	{"Sheinbaum's government", false},
	{"Local police in Culiacán", false},
	{"The \"hugs, not bullets\" policy", false},
	{"Extradition", false},
	{"Article 2(4) of the UN Charter", false},
	{"The Guardia Nacional", false},
	{"The terrorist designation", false},
	{"Peña Nieto's reform", false},
	{"Gun trafficking", false},
	{"The Mérida Initiative", false},
	{"The CJNG", false},
	{"Special forces raids", true},
	{"Intelligence sharing", false},
	{"López Obrador's amnesty plan", false},
	{"The Fiscalía General", false},
	{"Treasury sanctions", true},
}

// predicates are the verbs of claims, in the singular and the plural.
var predicates = [][2]string{
	{"has reduced", "have reduced"},
	{"would increase", "would increase"},
	{"does not justify", "do not justify"},
	{"undermines", "undermine"},
	{"is consistent with", "are consistent with"},
	{"depends on", "depend on"},
	{"is evidence for", "are evidence for"},
	{"cannot be separated from", "cannot be separated from"},
	{"has strengthened", "have strengthened"},
	{"would weaken", "would weaken"},
	{"drives", "drive"},
	{"offers no solution to", "offer no solution to"},
	{"is a precondition for", "are a precondition for"},
	{"caused", "caused"},
	{"is often confused with", "are often confused with"},
	{"obscures", "obscure"},
}

var objects = []string{
	"homicide rates",
	"the case for unilateral force",
	"trust in the army",
	"the flow of weapons",
	"cooperation with the DEA",
	"the \"narco-state\" label",
	"cartel fragmentation",
	"the self-defence argument",
	"Mexico's consent",
	"forced disappearances",
	"civilian casualties in Sinaloa",
	"fentanyl prices in US cities",
	"the cartels' grip on local politics",
	"trade under the USMCA",
	"the army's policing role",
	"the prosecution of officials",
	"migration through Sonora",
	"the 'war on drugs'",
	"extortion in Acapulco",
	"the Defensa's credibility",
}

var qualifiers = []string{
	", according to INEGI figures",
	" over the following decade",
	", as Calderón's own advisers later admitted",
	" unless Congress authorises it first",
	" in the short term at least",
	", whatever Washington says in public",
	" in the states where the army was deployed",
	", as the 2011 Monterrey casino attack showed",
	" by a margin most analysts consider significant",
	" even without a formal declaration of war",
}

var parties = []string{
	"US administration",
	"Mexican government",
	"Secretaría de Seguridad y Protección Ciudadana",
	"Human Rights Watch",
	"Congressional Republicans",
	"Arturo Sarukhán",
	"Fiscalía General de la República",
	"Security analysts",
	"Families of the disappeared",
	"Claudia Sheinbaum",
	"Felipe Calderón",
	"Former DEA officials",
}

var sources = []string{
	"Reuters",
	"NBC News",
	"El Universal",
	"La Jornada",
	"INEGI homicide statistics",
	"Congressional Research Service",
	"Proceso",
	"The Economist",
	"Press conference of 25 Feb 2025",
	"Milenio",
	"International Crisis Group",
	"Animal Político",
}

var hosts = []string{
	"www.reuters.com",
	"www.nbcnews.com",
	"www.eluniversal.com.mx",
	"www.jornada.com.mx",
	"www.inegi.org.mx",
	"crsreports.congress.gov",
	"www.crisisgroup.org",
}

var sections = []string{"world/americas", "news/world", "nacion", "politica", "report", "latin-america/mexico"}

var months = []string{
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
}

var quotes = []string{
	"We will not accept any intervention in our territory.",
	"Everything is on the table.",
	"Abrazos, no balazos.",
	"The cartels are a threat to our national security.",
	"You can't kill your way out of this problem.",
	"Mexico is not anyone's piñata.",
	"It's a matter of when, not if.",
	"Cooperation, yes; subordination, never.",
}

var notes = []string{
	"Fragmentation increased violence.",
	"Different period.",
	"Same facts, opposite conclusion.",
	"Consent, not unilateral force.",
	"Second-hand testimony.",
	"The key premise.",
	"Official statistics.",
	"It failed once; need not again.",
	"Applies only to states.",
	"Both sides invoke Calderón.",
	"Sarukhán said so on television.",
	"Begs the question.",
}
