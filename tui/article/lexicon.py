"""The words speaker attribution knows: reporting verbs, titles, roles, stop words.

Plain data (frozen sets of lower-case words, in English, Spanish and German where the rules
read those languages), kept apart from the rules of :mod:`tui.article.attribution_rules` and
the story tracker of :mod:`tui.article.story` that use them. Adding a reporting verb or a role
noun is a change here only.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``, as a frozen set."""
    return frozenset(text.split())


# Verbs that report speech or writing: after a closing mark they attribute the quotation.
SPEECH = words(
    """said says say saying added adds adding told tells telling explained explains warned
    warns insisted insists wrote writes asked asks stated states argued argues claimed claims
    replied replies declared declares announced announces recalled recalls remarked remarks
    admitted admits stressed stresses urged urges continued continues assured assures
    acknowledged acknowledges concluded concludes responded responds testified observed
    observes commented comments suggested suggests predicted predicts promised promises vowed
    vows tweeted posted noted notes confirmed confirms revealed reveals conceded concedes
    maintained maintains reckoned reckons agreed agrees complained complains joked jokes quipped
    boasted boasts pleaded pleads laughed cautioned cautions insisting believes believed thinks
    thought feels felt reported reports answered answers explains shouted whispered
    yelled screamed muttered exclaimed cried snapped retorted shouts whispers
    sagte sagt sagten erklärte erklärt betonte betont meinte meint schrieb schreibt fragte
    fragt warnte warnt ergänzte ergänzt kritisierte berichtete berichtet erzählte erzählt
    dijo dice afirmó afirma señaló señala explicó explica añadió añade agregó agrega aseguró
    asegura declaró declara indicó indica sostuvo sostiene advirtió advierte comentó expresó
    manifestó subrayó insistió escribió preguntó respondió reiteró destacó apuntó contó cuenta
    relató recordó lamentó reconoció admitió opinó"""
)
# Verbs that, before a quotation in the same sentence, make its words the subject's: the
# speech verbs and those of judging and naming ("accused X of being "terrified"").
CLAIM = SPEECH | words(
    """accused accuses denied denies described describes called calls branded brands labelled
    labeled dismissed dismisses hailed hails criticised criticized attacked praised praises
    welcomed welcomes condemned condemns pledged pledges blamed blames defended defends
    demanded demands rejected rejects questioned promised urged expects expected hoped
    feared says warned admitted describing calling read reads reading expressed voiced"""
)
SPANISH_VERBS = words(
    """dijo dice afirmó afirma señaló señala explicó explica añadió añade agregó agrega aseguró
    asegura declaró declara indicó indica sostuvo sostiene advirtió advierte comentó expresó
    manifestó subrayó insistió escribió preguntó respondió reiteró destacó apuntó contó cuenta
    relató recordó lamentó reconoció admitió opinó"""
)
PARTICLES = words("de da del della di do dos du van von der den la le al bin ibn y zu ten ter")
"""Lower-case name particles that may sit inside a name ("Ana de la Cruz")."""
COURTESY = words("mr mrs ms miss dr prof sir dame lord lady sr sra señor señora herr frau")
FEMALE = words("mrs ms miss dame lady sra señora frau")
MALE = words("mr sir lord sr señor herr")
# Title and role words stripped from the front of a capitalised run ("Foreign Secretary
# Jack Straw" names Jack Straw); the party and nation words go with a role after them.
TITLES = COURTESY | words(
    """president vice prime minister foreign home chancellor senator governor mayor general
    judge secretary chief executive king queen prince princess pope professor ambassador
    presidente presidenta ministro ministra canciller alcalde alcaldesa bundeskanzler kanzler
    kanzlerin präsident präsidentin ministerin bürgermeister bürgermeisterin councillor
    councilwoman councilman skipper coach captain inspector sergeant detective constable
    superintendent commissioner bishop archbishop reverend rev father dean headteacher
    principal director chairman chairwoman chair lieutenant colonel admiral commander sheriff
    deputy shadow justice attorney chancellor economist analyst manager boss leader spokesman
    spokeswoman correspondent editor mp mep officer agent dr. mr. mrs. ms. prof. st"""
)
TITLE_ENDINGS = (
    "meister",
    "meisterin",
    "kommandant",
    "kommandantin",
    "leiter",
    "leiterin",
    "direktor",
    "direktorin",
    "chef",
    "chefin",
)
# Capitalised words that open a sentence or clause without being part of a name.
STOP = words(
    """the a an but and or so then later when while however meanwhile also yesterday today
    tonight on in at for after before as if this that these those it its there here we i you
    he she they them our my his her their el la los las un una pero y en der die das ein eine
    und aber dann im am auch dazu damals später heute gestern luego después entonces ayer hoy
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december lunes martes miércoles jueves viernes
    sábado domingo montag dienstag mittwoch donnerstag freitag samstag sonntag among under
    with from during despite since until without across around through unter nach bei mit
    aus für gegen seit über vor zwischen während wegen trotz neben hinter ohne durch con desde
    entre sin sobre tras hasta durante para por earlier now speaking asked writing both
    instead indeed still even yet although though because unless whereas what why how where
    who which whom whose according last next first second third new former ex late mein meine
    dein deine sein seine ihr ihre unser unsere"""
)
PRONOUNS = {"he": "m", "she": "f", "er": "m", "sie": "f", "él": "m", "ella": "f"}
NOBODY = words("they we i you them us one ellos ellas wir ich man")
IT = words("it es")
GERMAN_ARTICLES = words("der die das den dem des ein eine einer einem eines")
DETERMINERS = words(
    "the a an his her its their our my your these those this that such of in on for with about "
    "no any more further new"
)
PASSIVE = words("was were been is are be being")
# A described source: the phrase names nobody, even when it names the body behind them.
QUANTIFIERS = words(
    """a an one some several many most few two three four five six seven eight nine ten
    another other others both all any ein eine einer einem eines un una uno unos unas"""
)
PLURAL_SOURCES = words(
    """critics officials analysts experts residents sources observers campaigners protesters
    fans people locals witnesses insiders economists aides diplomats ministers police
    investigators researchers scientists doctors teachers parents users customers members
    voters leaders bosses executives traders dealers commentators colleagues friends rivals
    neighbours neighbors villagers workers staff organisers organizers authorities men women
    reports rumours reporters players supporters pundits"""
)
# Nouns of a document or statement: its words are its author's.
DOCUMENTS = words(
    """statement report letter release communique communiqué ruling note memo website blog
    message announcement document filing headline editorial comunicado mitteilung erklärung"""
)
# Nouns of a person standing for someone the story introduced ("the chancellor said").
PERSON_ROLES = words(
    """chancellor minister secretary president premier leader chairman chairwoman chair
    executive boss chief director manager coach captain player striker midfielder defender
    goalkeeper singer star actor actress presenter host judge mayor governor senator
    spokesman spokeswoman spokesperson official economist analyst founder owner author
    writer artist designer producer champion veteran winner mp mep diplomat ambassador envoy
    prosecutor lawyer attorney head editor commissioner king queen prince princess pope
    inspector officer detective sergeant teacher doctor professor researcher scientist
    producer correspondent reporter journalist columnist critic partner adviser advisor
    aide consultant strategist negotiator lecturer expert novelist poet director-general
    footballer cricketer golfer boxer rider driver runner skipper manager musician rapper
    comedian director entrepreneur campaigner activist librarian curator chef drummer
    guitarist bassist frontman keyboardist vocalist"""
)
# Nouns standing for a body the story introduced ("the company said", "the paper says").
BODY_ROLES = words(
    """company firm group bank party government ministry department agency regulator watchdog
    union council board club paper newspaper magazine broadcaster network studio channel
    league federation association carrier airline retailer maker manufacturer operator giant
    organisation organization body commission committee authority institute charity
    website court team side administration embassy office campaign"""
)
INSTITUTIONS = words(
    "government administration ministry embassy office council party campaign department "
    "gobierno ministerio regierung ministerium"
)
# A clause after a closing mark that opens with these tells what happened next, not who spoke.
SUBORDINATORS = words("before after when while until because although though unless whereas")
AUX = words(
    """also later then has have had was were is are will would could should may might must
    previously earlier again recently once already further still even yesterday today
    separately subsequently repeatedly immediately publicly privately has also had also
    last week month year apparently reportedly quickly simply himself herself just only
    originally initially finally now meanwhile formally however too""".replace(
        "last week month year", ""
    )
)
ABBREVIATIONS = ("Mr", "Ms", "Dr", "Mrs", "St", "No", "vs")
# Words that end the phrase after a reporting verb ("said Ana Lund on Monday, adding…").
AFTER_STOP = words(
    """on in at after before to as who which that adding and but with of from when while
    during last this yesterday today tonight earlier later in a an not if because about"""
)

# -- the story tracker's words (tui.article.story) -----------------------------------------

# Last words of a body's name ("Home Office", "Federal Reserve").
ORG_WORDS = words(
    """office council bank reserve ministry department party commission authority agency
    association union federation group corporation company inc ltd plc institute
    university college trust foundation court parliament assembly board committee
    service services police army club united city fc research securities partners
    capital holdings airways airlines motors media news times post journal telegraph
    guardian mail express mirror herald network systems technologies labs studios
    pictures records entertainment communications telecom mobile energy exchange fund
    organisation organization society alliance coalition front movement government
    administration kremlin fed bbc"""
)
PLACE_PREPOSITIONS = words("""in at to from of for near into across outside inside the""")
ROLE_STOP = words(
    """the a an of and or said says told by with to for in on at from that as but was is
    has had have be been were will would his her their its our my your this these those
    former new old according"""
)
GENDER_ROLES = {
    "spokeswoman": "f",
    "chairwoman": "f",
    "actress": "f",
    "businesswoman": "f",
    "sportswoman": "f",
    "spokesman": "m",
    "chairman": "m",
    "actor": "m",
    "businessman": "m",
    "sportsman": "m",
}
UNNAMED_PEOPLE = words(
    """deputy man woman boy girl neighbour neighbor resident worker officer soldier
    passenger driver nurse farmer fisherman villager witness friend relative volunteer
    student teenager stranger guard policeman policewoman member visitor customer
    shopkeeper"""
)
OBJECT_LEAD = words(
    """against with to for from by over past beat beating defeated versus vs v face facing"""
)
"""Words before a name that make it the object of the sentence's verb, not its actor."""
ADDRESSEE_LEAD = words("""told tell tells telling asked asks thanked interviewed""")
"""Words before a name that make it the one spoken to: never who speaks or who "he" is."""
PLACE_LEAD = words("in at from against near across throughout inside outside")
OTHER_POST = words("""shadow former ex deputy vice assistant acting junior late then""")
"""Words before a role noun that make it another post than the bare noun names."""

# Capitalised nouns of nationality or origin: "the Scot", "the Dubliner" describe a person
# the story named, they are no name ("the Kremlin", "the Guardian" are).
DEMONYM_ENDINGS = ("man", "woman", "ian", "ean", "ese", "ard", "iot")
DEMONYMS = words(
    """scot swiss swede dane finn pole czech slovak turk greek briton brit thai kiwi aussie
    dubliner londoner glaswegian parisian argentine israeli pakistani iraqi iranian afghan
    kenyan nigerian german american yank"""
)
