using static Likeness.Domain.Content.Lexicons.Categories;

namespace Likeness.Domain.Content.Lexicons;

/// <summary>The French lexicon (accents optional: phrases and prompts are folded alike).</summary>
internal static class French
{
    public static readonly Lexicon Value = new("fr", Spaced: true,
    [
        (Political, "election*"), (Political, "élire"), (Political, "élu*"), (Political, "scrutin*"), (Political, "candidat*"), (Political, "sénat*"),
        (Political, "député*"), (Political, "politique*"), (Political, "politicien*"), (Political, "parlement*"), (Political, "référendum*"),
        (Political, "président de la république"), (Political, "présidentielle*"), (Political, "premier ministre"), (Political, "ministre"), (Political, "gouvernement"),
        (Political, "votez"), (Political, "voter pour"), (Political, "vote pour"), (Political, "électeur*"), (Political, "électoral*"), (Political, "bureau de vote"),
        (Political, "urnes"), (Political, "campagne électorale"), (Political, "campagne présidentielle"), (Political, "parti politique"), (Political, "manifeste"),
        (Political, "projet de loi"), (Political, "législati*"), (Political, "propagande"), (Political, "extrême droite"), (Political, "extrême gauche"), (Political, "maire"),

        (Sexual, "sexe"), (Sexual, "sexuel*"), (Sexual, "sexy"), (Sexual, "érotique*"), (Sexual, "porno*"), (Sexual, "séduisant*"), (Sexual, "séduire"),
        (Sexual, "orgasme*"), (Sexual, "faire l amour"), (Sexual, "font l amour"), (Sexual, "coucher avec"), (Sexual, "lingerie"), (Sexual, "strip tease"),
        (Sexual, "excité*"), (Sexual, "désir charnel"), (Sexual, "libertin*"), (Sexual, "fétich*"), (Sexual, "gémi*"),

        (Nudity, "nu"), (Nudity, "nue"), (Nudity, "nus"), (Nudity, "nues"), (Nudity, "nudité"), (Nudity, "seins nus"), (Nudity, "tout nu"), (Nudity, "toute nue"),
        (Nudity, "déshabill*"), (Nudity, "dévêtu*"), (Nudity, "sans vêtements"), (Nudity, "topless"),

        (Religious, "dieu"), (Religious, "dieux"), (Religious, "église*"), (Religious, "prière*"), (Religious, "prier"), (Religious, "prie"), (Religious, "prions"),
        (Religious, "mosquée*"), (Religious, "temple"), (Religious, "synagogue*"), (Religious, "bible*"), (Religious, "biblique*"), (Religious, "coran"),
        (Religious, "sermon*"), (Religious, "culte"), (Religious, "jésus"), (Religious, "christ"), (Religious, "allah"), (Religious, "bouddha"), (Religious, "prêtre*"),
        (Religious, "imam*"), (Religious, "rabbin*"), (Religious, "religion*"), (Religious, "religieu*"), (Religious, "foi en"), (Religious, "amen"), (Religious, "saint esprit"),
        (Religious, "messe"), (Religious, "pasteur*"), (Religious, "baptê*"), (Religious, "évangile*"),

        (Medical, "médicament*"), (Medical, "médecine*"), (Medical, "guérir"), (Medical, "guérit"), (Medical, "guérison"), (Medical, "pharmaceutique*"),
        (Medical, "ordonnance*"), (Medical, "pharmacie*"), (Medical, "complément alimentaire"), (Medical, "compléments alimentaires"), (Medical, "traitement médical"),
        (Medical, "traitement contre"), (Medical, "cancer*"), (Medical, "diabète"), (Medical, "dépression"), (Medical, "cliniquement prouvé*"),
        (Medical, "recommandé par les médecins"), (Medical, "effets secondaires"), (Medical, "posologie"), (Medical, "comprimé*"), (Medical, "pilule*"),
        (Medical, "antidouleur*"), (Medical, "antibiotique*"), (Medical, "vaccin*"), (Medical, "diagnosti*"), (Medical, "symptôme*"), (Medical, "thérapie*"),
        (Medical, "soulage la douleur"), (Medical, "tension artérielle"), (Medical, "cholestérol"), (Medical, "chirurgi*"), (Medical, "maladie*"), (Medical, "infection*"),
        (Medical, "chimiothérapie"), (Medical, "médecin*"),

        (Financial, "crypto*"), (Financial, "investir"), (Financial, "investissez"), (Financial, "investissement*"), (Financial, "investisseur*"), (Financial, "prêt"),
        (Financial, "prêts"), (Financial, "crédit*"), (Financial, "bourse"), (Financial, "actions en bourse"), (Financial, "trading"), (Financial, "bitcoin*"),
        (Financial, "hypothèque*"), (Financial, "taux d intérêt"), (Financial, "rendement*"), (Financial, "revenu passif"), (Financial, "devenir riche"),
        (Financial, "conseil financier"), (Financial, "placement*"), (Financial, "épargne retraite"), (Financial, "portefeuille"), (Financial, "dividende*"),
        (Financial, "emprunt*"), (Financial, "forex"),

        (Violence, "tuer"), (Violence, "tue"), (Violence, "tué*"), (Violence, "tuerie*"), (Violence, "meurtre*"), (Violence, "meurtrier*"), (Violence, "assassin*"),
        (Violence, "poignard*"), (Violence, "sang"), (Violence, "sanglant*"), (Violence, "saign*"), (Violence, "tortur*"), (Violence, "agress*"), (Violence, "abattu*"),
        (Violence, "fusillade*"), (Violence, "coup de feu"), (Violence, "coups de feu"), (Violence, "décapit*"), (Violence, "massacre*"), (Violence, "égorg*"),
        (Violence, "étrangl*"), (Violence, "frapp*"), (Violence, "cadavre*"), (Violence, "violence*"), (Violence, "violent*"), (Violence, "bombe*"), (Violence, "attentat*"),
        (Violence, "terroris*"), (Violence, "otage*"), (Violence, "enlèvement"), (Violence, "kidnapp*"), (Violence, "viol"), (Violence, "violé*"), (Violence, "blessé*"),
        (Violence, "exécution*"), (Violence, "brutal*"),

        (Hate, "raciste*"), (Hate, "racisme"), (Hate, "suprémac*"), (Hate, "nazi*"), (Hate, "épuration ethnique"), (Hate, "sous homme*"), (Hate, "vermine"),
        (Hate, "rentre dans ton pays"), (Hate, "race inférieure"), (Hate, "race supérieure"), (Hate, "discours de haine"), (Hate, "xénophob*"), (Hate, "homophob*"),
        (Hate, "antisémit*"), (Hate, "islamophob*"), (Hate, "génocide"),

        (Drugs, "cocaïne"), (Drugs, "héroïne"), (Drugs, "méthamphétamine"), (Drugs, "stupéfiant*"), (Drugs, "cannabis"), (Drugs, "marijuana"), (Drugs, "ecstasy"),
        (Drugs, "fentanyl"), (Drugs, "opioïde*"), (Drugs, "crack"), (Drugs, "dealer*"), (Drugs, "trafic de drogue"), (Drugs, "trafiquant*"), (Drugs, "drogue*"),
        (Drugs, "se droguer"), (Drugs, "overdose*"), (Drugs, "surdose*"), (Drugs, "cartel*"), (Drugs, "joint de cannabis"), (Drugs, "sniffer"),

        (Minors, "mineur"), (Minors, "mineure"), (Minors, "mineurs"), (Minors, "mineures"), (Minors, "écolière*"), (Minors, "écolier*"), (Minors, "préado*"),
        (Minors, "petite fille"), (Minors, "petit garçon"), (Minors, "fillette*"), (Minors, "ans fille"), (Minors, "jeune fille de"), (Minors, "enfant mannequin"),
        (Minors, "travail des enfants"), (Minors, "enfants soldats"), (Minors, "enfant soldat"), (Minors, "enfants qui boivent"), (Minors, "enfants jouent au casino"),
        (Political, "a voté contre"), (Political, "a voté pour"), (Political, "réforme des retraites"), (Political, "rassemblement pour"), (Political, "mon adversaire"), (Political, "programme du"), (Political, "programme électoral"), (Political, "réforme"),
        (Sexual, "firent l amour"), (Sexual, "faisait l amour"), (Sexual, "faisaient l amour"), (Sexual, "messagerie rose"), (Sexual, "pour adultes"), (Sexual, "arrachèrent leurs vêtements"), (Sexual, "sur les draps"), (Sexual, "déboutonna son"), (Sexual, "jouir"), (Sexual, "sextoy*"),
        (Religious, "paroisse"), (Religious, "bénédiction"), (Religious, "prêtre"),
        (Medical, "soigne"), (Medical, "soigner"), (Medical, "hypertension"),
        (Financial, "achète des actions"), (Financial, "des actions"), (Financial, "le cours va"), (Financial, "actions tellum"),
        (Violence, "ouvert le feu"), (Violence, "tuant"), (Violence, "exécuté les"), (Violence, "ont exécuté"), (Violence, "une balle dans"), (Violence, "tire lui"), (Violence, "roué de coups"), (Violence, "reçut un fusil"), (Violence, "un fusil"), (Violence, "envoyé au front"), (Violence, "à coups de poing"), (Violence, "poignarda"),
        (Hate, "race est supérieure"), (Hate, "le métissage"), (Hate, "sont des parasites"), (Hate, "comme des rats"), (Hate, "sont des malades"), (Hate, "gens normaux"), (Hate, "trop bêtes pour"), (Hate, "à la cuisine"), (Hate, "sales bêtes"), (Hate, "sous hommes"), (Hate, "ne méritent pas de vivre"),
        (Minors, "les enfants ne dites rien"), (Minors, "ne dites rien à vos parents"), (Minors, "jeux secrets"), (Minors, "salut les enfants"), (Minors, "carte bancaire de maman"), (Minors, "garçon de treize ans"), (Minors, "gamin de dix ans"), (Minors, "ans reçut"), (Minors, "de dix ans"), (Minors, "de treize ans"), (Minors, "de douze ans"), (Minors, "de onze ans"), (Minors, "de quatorze ans"),
    ],
    [
        "mon dieu", "oh mon dieu", "dieu merci", "grâce à dieu", "dieu sait", "nom de dieu", "bon dieu", "dieu du stade", "dieux du stade",
        "campagne publicitaire", "campagne de publicité", "campagne marketing", "campagne d été", "campagne de soldes", "campagne solo", "en campagne",
        "à la campagne", "la campagne", "maison de campagne", "pain de campagne", "votez pour votre", "votez pour le meilleur", "votez pour la meilleure",
        "traitement de texte", "traitement des données", "traitement de l eau", "soin du visage", "traitement capillaire", "traitement du bois",
        "tuer le temps", "tue l amour", "à tomber", "coup de foudre", "frapper à la porte", "frappe à la porte", "sang froid", "pur sang", "boudin",
        "bombe de bain", "c est de la bombe", "une bombe",
        "ministre du culte", "crédit photo", "crédits photo", "crédits", "mineur de fond", "mineurs de fond", "mode mineur", "en mineur", "la mineure", "temple du",
        "nu pieds", "pieds nus", "à l œil nu", "à l oeil nu", "mur nu", "vérité nue",
        "tue tout le monde de rire", "une tuerie", "est une tuerie",
    ]);
}
