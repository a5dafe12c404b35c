using static Likeness.Domain.Content.Lexicons.Categories;

namespace Likeness.Domain.Content.Lexicons;

/// <summary>The German lexicon (umlauts optional: ä is read as a). Compounds are listed, not guessed.</summary>
internal static class German
{
    public static readonly Lexicon Value = new("de", Spaced: true,
    [
        (Political, "wahl"), (Political, "wahlen"), (Political, "wahlkampf*"), (Political, "wähl*"), (Political, "bundestagswahl*"), (Political, "landtagswahl*"),
        (Political, "kandidat*"), (Political, "senat*"), (Political, "abgeordnet*"), (Political, "politik*"), (Political, "politisch*"), (Political, "parlament*"),
        (Political, "bundestag*"), (Political, "volksabstimmung*"), (Political, "referendum*"), (Political, "bundeskanzler*"), (Political, "kanzlerin"), (Political, "minister*"),
        (Political, "regierung*"), (Political, "stimmen sie für"), (Political, "stimmt für"), (Political, "partei*"), (Political, "gesetzentwurf*"), (Political, "propaganda"),
        (Political, "bürgermeister*"), (Political, "rechtsextrem*"), (Political, "linksextrem*"), (Political, "präsident*"),

        (Sexual, "sex"), (Sexual, "sexuell*"), (Sexual, "sexy"), (Sexual, "erotik"), (Sexual, "erotisch*"), (Sexual, "porno*"), (Sexual, "verführ*"), (Sexual, "orgasmus"),
        (Sexual, "miteinander schlafen"), (Sexual, "liebe machen"), (Sexual, "dessous"), (Sexual, "striptease"), (Sexual, "erregt"), (Sexual, "stöhn*"), (Sexual, "fetisch*"),
        (Sexual, "lust auf dich"),

        (Nudity, "nackt*"), (Nudity, "nacktheit"), (Nudity, "oben ohne"), (Nudity, "entkleid*"), (Nudity, "auszieh*"), (Nudity, "zieht sich aus"), (Nudity, "ohne kleidung"),
        (Nudity, "unbekleidet"),

        (Religious, "gott"), (Religious, "gottes"), (Religious, "götter"), (Religious, "kirche*"), (Religious, "gebet*"), (Religious, "beten"), (Religious, "betet"),
        (Religious, "moschee*"), (Religious, "tempel"), (Religious, "synagoge*"), (Religious, "bibel*"), (Religious, "biblisch*"), (Religious, "koran"), (Religious, "predigt*"),
        (Religious, "gottesdienst*"), (Religious, "jesus"), (Religious, "christus"), (Religious, "allah"), (Religious, "buddha"), (Religious, "priester*"), (Religious, "pfarrer*"),
        (Religious, "imam*"), (Religious, "rabbi*"), (Religious, "religion*"), (Religious, "religiös*"), (Religious, "glaube an gott"), (Religious, "amen"), (Religious, "heiliger geist"),
        (Religious, "messe feiern"), (Religious, "tauf*"), (Religious, "evangelium"),

        (Medical, "medikament*"), (Medical, "arznei*"), (Medical, "medizin*"), (Medical, "heilt"), (Medical, "heilen"), (Medical, "heilung"), (Medical, "pharma*"),
        (Medical, "rezept vom arzt"), (Medical, "verschreibungspflichtig*"), (Medical, "apotheke*"), (Medical, "nahrungsergänzung*"), (Medical, "medizinische behandlung"),
        (Medical, "behandlung gegen"), (Medical, "behandlung von"), (Medical, "krebs"), (Medical, "diabetes"), (Medical, "depression*"), (Medical, "klinisch getestet"),
        (Medical, "klinisch bewiesen"), (Medical, "von ärzten empfohlen"), (Medical, "nebenwirkung*"), (Medical, "dosierung"), (Medical, "tablette*"), (Medical, "pille*"),
        (Medical, "schmerzmittel*"), (Medical, "antibiotik*"), (Medical, "impf*"), (Medical, "diagnose*"), (Medical, "symptom*"), (Medical, "therapie*"), (Medical, "lindert schmerzen"),
        (Medical, "blutdruck"), (Medical, "cholesterin"), (Medical, "operation am"), (Medical, "chirurg*"), (Medical, "krankheit*"), (Medical, "infektion*"), (Medical, "chemotherapie"),
        (Medical, "arzt"), (Medical, "ärztin"), (Medical, "ärzte"),

        (Financial, "krypto*"), (Financial, "investier*"), (Financial, "investition*"), (Financial, "anleger*"), (Financial, "kredit*"), (Financial, "darlehen"), (Financial, "aktie"),
        (Financial, "aktien"), (Financial, "börse*"), (Financial, "trading"), (Financial, "bitcoin*"), (Financial, "hypothek*"), (Financial, "zinsen"), (Financial, "zinssatz"),
        (Financial, "rendite*"), (Financial, "passives einkommen"), (Financial, "reich werden"), (Financial, "finanzberatung"), (Financial, "anlageberatung"),
        (Financial, "geldanlage*"), (Financial, "altersvorsorge"), (Financial, "dividende*"), (Financial, "depot"), (Financial, "forex"),

        (Violence, "töten"), (Violence, "tötet"), (Violence, "getötet"), (Violence, "mord*"), (Violence, "ermord*"), (Violence, "mörder*"), (Violence, "erstech*"), (Violence, "erstoch*"),
        (Violence, "blut"), (Violence, "blutig*"), (Violence, "blutet"), (Violence, "folter*"), (Violence, "angriff auf"), (Violence, "überfall*"), (Violence, "erschoss*"),
        (Violence, "erschieß*"), (Violence, "schießerei*"), (Violence, "schüsse"), (Violence, "enthaupt*"), (Violence, "massaker*"), (Violence, "erwürg*"), (Violence, "schlägt ihn"),
        (Violence, "schlägt sie"), (Violence, "zusammengeschlagen"), (Violence, "leiche*"), (Violence, "gewalt*"), (Violence, "bombe*"), (Violence, "anschlag*"), (Violence, "terror*"),
        (Violence, "geisel*"), (Violence, "entführ*"), (Violence, "vergewaltig*"), (Violence, "verletzt*"), (Violence, "hinrichtung*"), (Violence, "brutal*"),

        (Hate, "rassist*"), (Hate, "rassismus"), (Hate, "vorherrschaft"), (Hate, "nazi*"), (Hate, "ethnische säuberung"), (Hate, "untermensch*"), (Hate, "ungeziefer"),
        (Hate, "geh zurück in dein land"), (Hate, "minderwertige rasse"), (Hate, "herrenrasse"), (Hate, "hassrede"), (Hate, "fremdenfeind*"), (Hate, "homophob*"),
        (Hate, "antisemit*"), (Hate, "islamfeind*"), (Hate, "völkermord"),

        (Drugs, "kokain"), (Drugs, "heroin"), (Drugs, "crystal meth"), (Drugs, "methamphetamin"), (Drugs, "betäubungsmittel*"), (Drugs, "cannabis"), (Drugs, "marihuana"),
        (Drugs, "ecstasy"), (Drugs, "fentanyl"), (Drugs, "opioid*"), (Drugs, "dealer*"), (Drugs, "drogenhandel"), (Drugs, "drogendealer*"), (Drugs, "droge"), (Drugs, "drogen"),
        (Drugs, "überdosis"), (Drugs, "kartell*"), (Drugs, "kiffen"), (Drugs, "kifft"), (Drugs, "koksen"), (Drugs, "high werden"),

        (Minors, "minderjährig*"), (Minors, "schulmädchen"), (Minors, "schuljunge*"), (Minors, "jähriges mädchen"), (Minors, "jähriger junge"), (Minors, "jährige mädchen"),
        (Minors, "kleines mädchen"), (Minors, "kleiner junge"), (Minors, "kinderarbeit"), (Minors, "kindersoldat*"), (Minors, "kinder trinken"), (Minors, "kinder beim glücksspiel"),
        (Minors, "kindermodel*"), (Minors, "unter 18"),
        (Political, "wählen sie claudia"), (Political, "in den landtag"), (Political, "landtag"), (Political, "wahlprogramm"), (Political, "gegenkandidat"), (Political, "gesundheitsreform"), (Political, "gestimmt"), (Political, "die grünen"),
        (Sexual, "liebten sich"), (Sexual, "sexspielzeug"), (Sexual, "liebesleben"), (Sexual, "kleider vom leib"), (Sexual, "auf die laken"), (Sexual, "mit ihm schlafen"), (Sexual, "mit ihr schlafen"), (Sexual, "schlief nackt"), (Sexual, "knöpfte ihre bluse"),
        (Nudity, "splitterfasernackt"),
        (Financial, "sofortkredit"), (Financial, "devisen"), (Financial, "hebel"), (Financial, "ratenkredit"), (Financial, "schulden"), (Financial, "schufa"),
        (Violence, "stach"), (Violence, "eröffnete das feuer"), (Violence, "tötete"), (Violence, "prügle dich tot"), (Violence, "schiess ihm"), (Violence, "schieß ihm"), (Violence, "in den kopf"), (Violence, "ein gewehr"), (Violence, "gewehr"), (Violence, "an die front"), (Violence, "verprügelten"), (Violence, "verprügelt"),
        (Hate, "rasse ist überlegen"), (Hate, "vermischung"), (Hate, "sind parasiten"), (Hate, "wie ratten"), (Hate, "sind krank"), (Hate, "anständigen leuten"), (Hate, "zu dumm zum"), (Hate, "an den herd"), (Hate, "dreckige tiere"),
        (Drugs, "koks"), (Drugs, "kilo gras"), (Drugs, "ecstasy pillen"),
        (Minors, "elfjährige"), (Minors, "zehnjährige"), (Minors, "dreizehnjährige"), (Minors, "zwölfjährige"), (Minors, "vierzehnjährige"), (Minors, "elfjaehrige"), (Minors, "zehnjaehrige"), (Minors, "dreizehnjaehrige"), (Minors, "kinder erzählt euren eltern nichts"), (Minors, "euren eltern nichts"), (Minors, "geheimen spielen"), (Minors, "hey kids"), (Minors, "mamas kreditkarte"),
    ],
    [
        "oh mein gott", "mein gott", "gott sei dank", "grüß gott", "um gottes willen", "weiß gott", "gott weiß", "ach du lieber gott", "kriegsgott", "gott des krieges",
        "werbekampagne", "marketingkampagne", "sommerkampagne", "stimmen sie für ihren", "stimmt für euren", "stimmt für den besten", "stimmen sie für den besten",
        "autowäsche mit behandlung", "lackbehandlung", "holzbehandlung", "haarbehandlung", "gesichtsbehandlung", "wasserbehandlung",
        "zeit totschlagen", "blutorange", "blutorangen", "blutspende", "blut spenden", "blutgruppe", "blutmond", "ausziehtisch", "ausziehbar",
        "mordsspaß", "mordshunger", "partei ergreifen", "wahlweise", "auswahl", "zur wahl stehen", "erste wahl", "qual der wahl", "wählen sie", "wählen sie ihre",
        "wählen sie ihren", "wählen sie jetzt ihr", "wählen sie ihr", "wählen sie die", "wählen sie den", "wählen sie das", "wahl des", "nach wahl",
        "regierungsbezirk", "präsidentin des vereins", "präsident des vereins", "vereinspräsident", "minister für", "depot für",
        "kredit karte", "gottesanbeterin",
        "zauberer hob seinen stab", "seinen stab", "ihren stab", "den stab", "der stab", "um deinen tisch zu wählen", "zu wählen", "auszuwählen",
    ]);
}
