using Likeness.Domain.Common;

namespace Likeness.Domain.Content.Lexicons;

/// <summary>The English lexicon (also read for every other language: scripts mix in English directions).</summary>
internal static class English
{
    private const ContentCategory Political = ContentCategory.Political;
    private const ContentCategory Sexual = ContentCategory.Sexual;
    private const ContentCategory Nudity = ContentCategory.Nudity;
    private const ContentCategory Religious = ContentCategory.Religious;
    private const ContentCategory Medical = ContentCategory.Medical;
    private const ContentCategory Financial = ContentCategory.Financial;
    private const ContentCategory Violence = ContentCategory.Violence;
    private const ContentCategory Hate = ContentCategory.Hate;
    private const ContentCategory Drugs = ContentCategory.Drugs;
    private const ContentCategory Minors = ContentCategory.Minors;

    public static readonly Lexicon Value = new("en", Spaced: true,
    [
        (Political, "election*"), (Political, "elect"), (Political, "re elect*"), (Political, "reelect*"), (Political, "ballot*"), (Political, "candidate*"),
        (Political, "senator*"), (Political, "senate"), (Political, "congressman"), (Political, "congresswoman"), (Political, "congress"),
        (Political, "politician*"), (Political, "political"), (Political, "politics"), (Political, "parliament*"), (Political, "referendum*"),
        (Political, "democrat*"), (Political, "republican*"), (Political, "governor"), (Political, "mayoral"), (Political, "president"),
        (Political, "presidential"), (Political, "prime minister"), (Political, "polling station*"), (Political, "polls open"), (Political, "go to the polls"),
        (Political, "vote for me"), (Political, "vote for our"), (Political, "vote no"), (Political, "vote yes"), (Political, "voters"), (Political, "voter"), (Political, "get out the vote"), (Political, "campaign for"), (Political, "campaign trail"), (Political, "campaign rally"),
        (Political, "election campaign"), (Political, "political campaign"), (Political, "political party"), (Political, "party platform"),
        (Political, "legislation"), (Political, "bill passes"), (Political, "the bill"), (Political, "lawmaker*"), (Political, "propaganda"),
        (Political, "left wing"), (Political, "right wing"), (Political, "conservatives"), (Political, "liberals"), (Political, "mandate"), (Political, "manifesto"),

        (Sexual, "sex"), (Sexual, "sexual*"), (Sexual, "sexy"), (Sexual, "erotic*"), (Sexual, "porn*"), (Sexual, "seductive*"), (Sexual, "seduce*"),
        (Sexual, "orgasm*"), (Sexual, "aroused"), (Sexual, "intercourse"), (Sexual, "make love"), (Sexual, "making love"), (Sexual, "one night stand"),
        (Sexual, "in bed together"), (Sexual, "foreplay"), (Sexual, "lingerie"), (Sexual, "strip tease"), (Sexual, "striptease"), (Sexual, "x rated"),
        (Sexual, "explicit scene"), (Sexual, "sexually explicit"), (Sexual, "moan*"), (Sexual, "lust*"), (Sexual, "kinky"), (Sexual, "fetish*"), (Sexual, "hookup"),

        (Nudity, "nude"), (Nudity, "nudes"), (Nudity, "nudity"), (Nudity, "naked"), (Nudity, "topless"), (Nudity, "bottomless"), (Nudity, "undress*"),
        (Nudity, "unclothed"), (Nudity, "bare breasted"), (Nudity, "without clothes"), (Nudity, "no clothes"), (Nudity, "strips off"), (Nudity, "birthday suit"),

        (Religious, "god"), (Religious, "gods"), (Religious, "church*"), (Religious, "prayer*"), (Religious, "pray"), (Religious, "prays"), (Religious, "praying"),
        (Religious, "mosque*"), (Religious, "temple"), (Religious, "synagogue*"), (Religious, "bible*"), (Religious, "biblical"), (Religious, "quran"), (Religious, "koran"),
        (Religious, "sermon*"), (Religious, "worship*"), (Religious, "jesus"), (Religious, "christ"), (Religious, "allah"), (Religious, "buddha"), (Religious, "torah"),
        (Religious, "scripture*"), (Religious, "holy spirit"), (Religious, "salvation"), (Religious, "pastor*"), (Religious, "priest*"), (Religious, "imam*"),
        (Religious, "rabbi*"), (Religious, "faith in god"), (Religious, "religion*"), (Religious, "religious"), (Religious, "blessed by"), (Religious, "amen"),
        (Religious, "hallelujah"), (Religious, "convert to"), (Religious, "baptis*"),

        (Medical, "medication*"), (Medical, "medicine*"), (Medical, "cure*"), (Medical, "pharmaceutical*"), (Medical, "prescription*"), (Medical, "prescribed"),
        (Medical, "drugstore*"), (Medical, "pharmacy"), (Medical, "pharmacies"), (Medical, "supplement*"), (Medical, "medical treatment"), (Medical, "cancer"),
        (Medical, "diabetes"), (Medical, "arthritis"), (Medical, "depression"), (Medical, "anxiety disorder"), (Medical, "treatment for"), (Medical, "treats"),
        (Medical, "clinically proven"), (Medical, "doctor recommended"), (Medical, "doctors recommend"), (Medical, "side effects"), (Medical, "dosage"),
        (Medical, "tablets"), (Medical, "pills"), (Medical, "painkiller*"), (Medical, "antibiotic*"), (Medical, "vaccine*"), (Medical, "diagnos*"), (Medical, "symptom*"),
        (Medical, "therapy for"), (Medical, "heal your"), (Medical, "relieves pain"), (Medical, "pain relief"), (Medical, "weight loss pill*"), (Medical, "blood pressure"),
        (Medical, "cholesterol"), (Medical, "surgery"), (Medical, "surgeon*"), (Medical, "chemotherapy"), (Medical, "disease*"), (Medical, "infection*"),

        (Financial, "crypto*"), (Financial, "invest"), (Financial, "investing"), (Financial, "investment*"), (Financial, "investor*"), (Financial, "loan*"),
        (Financial, "stocks"), (Financial, "stock market"), (Financial, "shares in"), (Financial, "trading"), (Financial, "trader*"), (Financial, "bitcoin*"),
        (Financial, "ethereum"), (Financial, "forex"), (Financial, "mortgage*"), (Financial, "credit card*"), (Financial, "interest rate*"), (Financial, "returns of"),
        (Financial, "guaranteed returns"), (Financial, "passive income"), (Financial, "get rich"), (Financial, "financial advice"), (Financial, "retirement fund*"),
        (Financial, "pension fund*"), (Financial, "hedge fund*"), (Financial, "portfolio"), (Financial, "dividend*"), (Financial, "nft*"), (Financial, "token sale"),
        (Financial, "borrow money"), (Financial, "payday"), (Financial, "debt consolidation"), (Financial, "apr"), (Financial, "brokerage"),

        (Violence, "kill"), (Violence, "kills"), (Violence, "killed"), (Violence, "killing"), (Violence, "murder*"), (Violence, "blood"),
        (Violence, "bloody"), (Violence, "bleeding"), (Violence, "torture*"), (Violence, "assault*"), (Violence, "shoot him"), (Violence, "shoot her"),
        (Violence, "shoot them"), (Violence, "shot him"), (Violence, "shot her"), (Violence, "shot dead"), (Violence, "gunfire"), (Violence, "gunshot*"),
        (Violence, "shooting spree"), (Violence, "mass shooting"), (Violence, "behead*"), (Violence, "massacre*"), (Violence, "slaughter*"), (Violence, "strangle*"),
        (Violence, "beat him"), (Violence, "beat her"), (Violence, "beaten"), (Violence, "punch*"), (Violence, "kick him"), (Violence, "corpse*"), (Violence, "dead body"),
        (Violence, "slit"), (Violence, "throat"), (Violence, "execute him"), (Violence, "execute them"), (Violence, "execution"), (Violence, "gore"), (Violence, "maim*"),
        (Violence, "brutal*"), (Violence, "explosion kills"), (Violence, "terrorist*"), (Violence, "hostage*"), (Violence, "kidnap*"), (Violence, "rape*"),
        (Violence, "wound*"), (Violence, "die screaming"), (Violence, "violence"), (Violence, "violent"), (Violence, "attack him"), (Violence, "attack her"),

        (Hate, "slur*"), (Hate, "racist*"), (Hate, "racism"), (Hate, "supremac*"), (Hate, "nazi*"), (Hate, "ethnic cleansing"), (Hate, "subhuman*"), (Hate, "vermin"),
        (Hate, "go back to your country"), (Hate, "inferior race*"), (Hate, "master race"), (Hate, "hate speech"), (Hate, "bigot*"), (Hate, "xenophob*"),
        (Hate, "homophob*"), (Hate, "antisemit*"), (Hate, "islamophob*"), (Hate, "white power"), (Hate, "those people are animals"), (Hate, "genocide"),

        (Drugs, "cocaine"), (Drugs, "coke"), (Drugs, "heroin"), (Drugs, "meth"), (Drugs, "methamphetamine"), (Drugs, "crystal meth"), (Drugs, "narcotic*"),
        (Drugs, "cannabis"), (Drugs, "marijuana"), (Drugs, "weed"), (Drugs, "joint"), (Drugs, "ecstasy"), (Drugs, "mdma"), (Drugs, "lsd"), (Drugs, "fentanyl"),
        (Drugs, "opioid*"), (Drugs, "crack"), (Drugs, "drug deal*"), (Drugs, "drug dealer*"), (Drugs, "dealer"), (Drugs, "get high"), (Drugs, "getting high"),
        (Drugs, "snort*"), (Drugs, "overdose*"), (Drugs, "smuggl*"), (Drugs, "cartel*"), (Drugs, "illegal drugs"), (Drugs, "street drugs"), (Drugs, "hard drugs"), (Drugs, "stoned"),

        (Minors, "underage*"), (Minors, "under age"), (Minors, "minors"), (Minors, "a minor"), (Minors, "preteen*"), (Minors, "schoolgirl*"), (Minors, "schoolboy*"),
        (Minors, "year old girl"), (Minors, "year old boy"), (Minors, "year old child"), (Minors, "year old kid"), (Minors, "years old girl"), (Minors, "child model*"),
        (Minors, "teen model*"), (Minors, "young girl"), (Minors, "little girl"), (Minors, "little boy"), (Minors, "kids drinking"), (Minors, "children drinking"),
        (Minors, "child labour"), (Minors, "child labor"), (Minors, "child soldier*"), (Minors, "children gambling"), (Minors, "kids gambling"),
        (Political, "voted against"), (Political, "voted for"), (Political, "approve this message"), (Political, "city hall"), (Political, "your representative"), (Political, "clean water act"), (Political, "healthcare bill"), (Political, "the vote"), (Political, "vote on"), (Political, "reform bill"), (Political, "opponent"), (Political, "re election"),
        (Sexual, "made love"), (Sexual, "adult chat"), (Sexual, "adult line"), (Sexual, "in her bed"), (Sexual, "in his bed"), (Sexual, "tore at each other s clothes"), (Sexual, "onto the sheets"), (Sexual, "unbuttoned her"), (Sexual, "kissing hungrily"), (Sexual, "sex toy*"), (Sexual, "sextoy*"), (Sexual, "climax*"),
        (Nudity, "slid off her dress"), (Nudity, "slid off his"), (Nudity, "took off all"), (Nudity, "take off all your clothes"), (Nudity, "nothing on"),
        (Financial, "buying shares"), (Financial, "this stock"), (Financial, "stock is going"), (Financial, "to the moon"), (Financial, "retirement savings"), (Financial, "index fund*"), (Financial, "before the crash"), (Financial, "leverage"),
        (Violence, "beat you to death"), (Violence, "to death"), (Violence, "executed the"), (Violence, "shot the"), (Violence, "shot dead"), (Violence, "handed a rifle"), (Violence, "rifle"), (Violence, "front line"), (Violence, "beat the"), (Violence, "opened fire"), (Violence, "stabbed"),
        (Hate, "race is superior"), (Hate, "our bloodline"), (Hate, "mixing with them"), (Hate, "are parasites"), (Hate, "breed like rats"), (Hate, "steal our jobs"), (Hate, "are diseased"), (Hate, "decent folk"), (Hate, "control the banks"), (Hate, "the jews control"), (Hate, "too stupid to"), (Hate, "belong in the kitchen"), (Hate, "filthy animals"), (Hate, "don t deserve to live"), (Hate, "deserve to live among us"),
        (Minors, "hey kids"), (Minors, "kids don t tell"), (Minors, "don t tell your parents"), (Minors, "secret games"), (Minors, "just between us"), (Minors, "year old boy"), (Minors, "barely ten"), (Minors, "the school dance"), (Minors, "school dance"), (Minors, "thirteen year old"), (Minors, "twelve year old"), (Minors, "eleven year old"), (Minors, "ten year old"), (Minors, "fourteen year old"),
        (Drugs, "packages of drugs"), (Drugs, "carry drugs"), (Drugs, "ecstasy"),
        (Political, "voting booth"), (Political, "voting day"), (Political, "voting rights"), (Political, "start voting"), (Political, "voting for"),
        (Violence, "stab"), (Violence, "stabs"), (Violence, "stabbing*"), (Violence, "bomb"), (Violence, "bombs"), (Violence, "bombing*"), (Violence, "bombed"), (Violence, "bomber*"),
    ],
    [
        "oh my god", "oh my gods", "my god", "thank god", "thank god it s", "god knows", "god bless you", "for god s sake", "god forbid", "gods of", "god of war",
        "god mode", "god tier", "god ray*", "temple run", "temple of", "temples of", "church street",
        "ad campaign", "advertising campaign", "marketing campaign", "summer campaign", "sales campaign", "email campaign", "launch campaign", "campaign mode",
        "single player campaign", "the campaign mode", "vote for your favourite", "vote for your favorite", "vote for the best", "vote for your",
        "birthday party", "the president of the club", "president of the company", "company president", "club president", "student council",
        "the bill please", "the bill comes", "pay the bill", "split the bill", "electricity bill", "phone bill", "bill of materials", "kill the bill",
        "spa treatment", "facial treatment", "hair treatment", "skin treatment", "treatment room", "water treatment", "treatment of the wood",
        "killer app", "killer feature", "killer deal", "killer view", "killer look", "killer smile", "kill time", "killing time", "kill the lights", "kill the engine",
        "kills it", "killed it", "killing it", "dressed to kill", "kill the music", "makes a killing", "this joke kills",
        "shoot a photo", "shoot a video", "shoot the video", "photo shoot", "video shoot", "shooting star", "shooting stars", "shoot for the stars", "shoot hoops",
        "blood orange", "blood oranges", "blood moon", "blood type", "blood donation", "give blood", "blood drive", "bloody mary",
        "punch line", "punchline", "fruit punch", "punch card", "bomb pop", "bath bomb", "photobomb*", "the bomb", "da bomb", "wound up", "wound the clock",
        "crack a smile", "crack the code", "crack of dawn", "crack a joke", "crack open", "cracked", "joint venture", "joint account", "joint effort", "knee joint",
        "weed the garden", "weeding", "garden weeds", "weed killer", "coke zero", "diet coke", "dealer ship", "car dealer", "card dealer", "dealership",
        "stock up", "in stock", "out of stock", "stock photo", "stock footage", "loan word",
        "minor key", "minor chord", "minor issue*", "minor change*", "minor detail*", "minor league", "minor injur*", "minor update", "minor role", "in a minor",
        "strong portfolio of", "apron", "essex", "middlesex", "sextant", "naked eye", "the naked truth", "naked truth",
        "executive", "execute the plan", "execute a plan", "execute the order", "execute the code", "execute code",
        "supplementary", "cure the ham", "cured meat", "cured ham",
        "body of christ church", "crypt", "crypts", "cryptic", "cryptography",
        "voting is now open", "voting closes", "joint pain", "joint pains",
        "candy pills",
    ]);
}
