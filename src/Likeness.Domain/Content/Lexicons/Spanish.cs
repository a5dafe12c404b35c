using static Likeness.Domain.Content.Lexicons.Categories;

namespace Likeness.Domain.Content.Lexicons;

/// <summary>The Spanish lexicon (accents optional: phrases and prompts are folded alike).</summary>
internal static class Spanish
{
    public static readonly Lexicon Value = new("es", Spaced: true,
    [
        (Political, "elección"), (Political, "elecciones"), (Political, "electoral*"), (Political, "elector*"), (Political, "candidat*"), (Political, "senado*"),
        (Political, "diputad*"), (Political, "político*"), (Political, "política*"), (Political, "parlamento*"), (Political, "referéndum"), (Political, "presidente del gobierno"),
        (Political, "presidencial*"), (Political, "primer ministro"), (Political, "gobierno"), (Political, "vota por"), (Political, "votad"), (Political, "votar por"),
        (Political, "votantes"), (Political, "urnas"), (Political, "campaña electoral"), (Political, "campaña presidencial"), (Political, "partido político"),
        (Political, "proyecto de ley"), (Political, "legislativ*"), (Political, "propaganda"), (Political, "alcalde*"), (Political, "ultraderecha"), (Political, "ultraizquierda"),
        (Political, "mitin*"),

        (Sexual, "sexo"), (Sexual, "sexual*"), (Sexual, "sexy"), (Sexual, "erótic*"), (Sexual, "porno*"), (Sexual, "seductor*"), (Sexual, "seducir"), (Sexual, "orgasmo*"),
        (Sexual, "hacer el amor"), (Sexual, "hacen el amor"), (Sexual, "acostarse con"), (Sexual, "lencería"), (Sexual, "striptease"), (Sexual, "excitad*"), (Sexual, "gemi*"),
        (Sexual, "fetich*"), (Sexual, "deseo carnal"),

        (Nudity, "desnud*"), (Nudity, "sin ropa"), (Nudity, "en topless"), (Nudity, "topless"), (Nudity, "en cueros"), (Nudity, "se desviste"), (Nudity, "desvest*"),

        (Religious, "dios"), (Religious, "dioses"), (Religious, "iglesia*"), (Religious, "oración*"), (Religious, "rezar"), (Religious, "reza"), (Religious, "recemos"),
        (Religious, "orar"), (Religious, "mezquita*"), (Religious, "templo"), (Religious, "sinagoga*"), (Religious, "biblia*"), (Religious, "bíblic*"), (Religious, "corán"),
        (Religious, "sermón"), (Religious, "culto"), (Religious, "jesús"), (Religious, "cristo"), (Religious, "alá"), (Religious, "buda"), (Religious, "sacerdote*"),
        (Religious, "cura párroco"), (Religious, "imán"), (Religious, "rabino*"), (Religious, "religión*"), (Religious, "religios*"), (Religious, "fe en dios"), (Religious, "amén"),
        (Religious, "misa"), (Religious, "pastor evangélico"), (Religious, "bautiz*"), (Religious, "evangelio*"), (Religious, "espíritu santo"),

        (Medical, "medicamento*"), (Medical, "medicina*"), (Medical, "cura el"), (Medical, "cura la"), (Medical, "curar"), (Medical, "farmacéutic*"), (Medical, "receta médica"),
        (Medical, "farmacia*"), (Medical, "suplemento*"), (Medical, "tratamiento médico"), (Medical, "tratamiento contra"), (Medical, "tratamiento para el"), (Medical, "cáncer"),
        (Medical, "diabetes"), (Medical, "depresión"), (Medical, "clínicamente probad*"), (Medical, "recomendado por médicos"), (Medical, "efectos secundarios"),
        (Medical, "pastilla*"), (Medical, "píldora*"), (Medical, "comprimido*"), (Medical, "analgésico*"), (Medical, "antibiótico*"), (Medical, "vacuna*"), (Medical, "diagnóstic*"),
        (Medical, "síntoma*"), (Medical, "terapia*"), (Medical, "alivia el dolor"), (Medical, "presión arterial"), (Medical, "colesterol"), (Medical, "cirugía*"), (Medical, "cirujano*"),
        (Medical, "enfermedad*"), (Medical, "infección*"), (Medical, "quimioterapia"), (Medical, "médico*"),

        (Financial, "cripto*"), (Financial, "invertir"), (Financial, "invierta"), (Financial, "invierte"), (Financial, "inversión*"), (Financial, "inversor*"), (Financial, "préstamo*"),
        (Financial, "crédito*"), (Financial, "bolsa de valores"), (Financial, "comprar acciones"), (Financial, "mercado de acciones"), (Financial, "trading"), (Financial, "bitcoin*"), (Financial, "hipoteca*"),
        (Financial, "tipo de interés"), (Financial, "tasa de interés"), (Financial, "rentabilidad*"), (Financial, "ingresos pasivos"), (Financial, "hacerse rico"),
        (Financial, "asesor financiero"), (Financial, "asesoría financiera"), (Financial, "fondo de pensiones"), (Financial, "dividendo*"), (Financial, "forex"),

        (Violence, "matar"), (Violence, "mata"), (Violence, "matan"), (Violence, "mató"), (Violence, "matado*"), (Violence, "asesin*"), (Violence, "apuñal*"), (Violence, "sangre"),
        (Violence, "sangrient*"), (Violence, "sangra*"), (Violence, "tortur*"), (Violence, "agresión*"), (Violence, "agredi*"), (Violence, "disparó"), (Violence, "disparan"),
        (Violence, "disparo*"), (Violence, "tiroteo*"), (Violence, "balacera*"), (Violence, "decapit*"), (Violence, "masacre*"), (Violence, "degoll*"), (Violence, "estrangul*"),
        (Violence, "golpe*"), (Violence, "cadáver*"), (Violence, "violencia*"), (Violence, "violent*"), (Violence, "bomba*"), (Violence, "atentado*"), (Violence, "terroris*"),
        (Violence, "rehén*"), (Violence, "rehenes"), (Violence, "secuestr*"), (Violence, "violación"), (Violence, "violad*"), (Violence, "herido*"), (Violence, "ejecución"),
        (Violence, "brutal*"), (Violence, "muerto*"),

        (Hate, "racista*"), (Hate, "racismo"), (Hate, "supremac*"), (Hate, "nazi*"), (Hate, "limpieza étnica"), (Hate, "infrahumano*"), (Hate, "alimañas"),
        (Hate, "vuelve a tu país"), (Hate, "raza inferior"), (Hate, "raza superior"), (Hate, "discurso de odio"), (Hate, "xenófob*"), (Hate, "homófob*"),
        (Hate, "antisemit*"), (Hate, "islamófob*"), (Hate, "genocidio"),

        (Drugs, "cocaína"), (Drugs, "heroína"), (Drugs, "metanfetamina"), (Drugs, "estupefaciente*"), (Drugs, "cannabis"), (Drugs, "marihuana"), (Drugs, "éxtasis"),
        (Drugs, "fentanilo"), (Drugs, "opioide*"), (Drugs, "crack"), (Drugs, "camello"), (Drugs, "narcotrafic*"), (Drugs, "narco*"), (Drugs, "droga*"), (Drugs, "drogarse"),
        (Drugs, "sobredosis"), (Drugs, "cártel*"), (Drugs, "cartel de"), (Drugs, "porro*"), (Drugs, "esnifar"), (Drugs, "colocarse"),

        (Minors, "menor de edad"), (Minors, "menores de edad"), (Minors, "menores"), (Minors, "colegiala*"), (Minors, "preadolescente*"), (Minors, "niña de"), (Minors, "niño de"),
        (Minors, "años niña"), (Minors, "niña pequeña"), (Minors, "niño pequeño"), (Minors, "trabajo infantil"), (Minors, "niños soldado"), (Minors, "niño soldado"),
        (Minors, "niños bebiendo"), (Minors, "niños apostando"), (Minors, "modelo infantil"),
        (Political, "vota a"), (Political, "votó"), (Political, "reforma sanitaria"), (Political, "mi rival"), (Political, "segunda vuelta"), (Political, "coalición"), (Political, "partido verde"), (Political, "el programa del partido"), (Political, "voten al"), (Political, "que se vote la ley"), (Political, "firma la petición"),
        (Sexual, "hicieron el amor"), (Sexual, "hacía el amor"), (Sexual, "hacían el amor"), (Sexual, "se arrancaron la ropa"), (Sexual, "sobre las sábanas"), (Sexual, "le desabrochó"), (Sexual, "correrte"), (Sexual, "juguetes sexuales"), (Sexual, "línea erótica"),
        (Nudity, "quítate toda la ropa"), (Nudity, "sin nada encima"), (Nudity, "toda la ropa"),
        (Religious, "oremos"), (Religious, "padre nuestro"), (Religious, "santificado sea"),
        (Financial, "comprando acciones"), (Financial, "acciones de"), (Financial, "van a dispararse"), (Financial, "plan de pensiones"), (Financial, "fondos indexados"), (Financial, "antes del desplome"),
        (Violence, "fusilaron"), (Violence, "fusil"), (Violence, "disparale"), (Violence, "en la cabeza"), (Violence, "le dieron un fusil"), (Violence, "apalearon"), (Violence, "al frente"), (Violence, "apuñaló"),
        (Hate, "es una plaga"), (Hate, "echarlos a todos"), (Hate, "raza es superior"), (Hate, "mezclarse con ellos"), (Hate, "son parásitos"), (Hate, "como ratas"), (Hate, "unos enfermos"), (Hate, "gente decente"), (Hate, "demasiado tontas"), (Hate, "su sitio es la cocina"), (Hate, "animales sucios"), (Hate, "infrahumanos"), (Hate, "no merecen vivir"),
        (Drugs, "coca"), (Drugs, "hachís"), (Drugs, "extasis"), (Drugs, "éxtasis"),
        (Minors, "niños no les contéis"), (Minors, "a vuestros padres"), (Minors, "juegos secretos"), (Minors, "hola chavales"), (Minors, "tarjeta de mamá"), (Minors, "chico de trece años"), (Minors, "crío de diez años"), (Minors, "de diez años"), (Minors, "de trece años"), (Minors, "de doce años"), (Minors, "de once años"), (Minors, "de catorce años"),
        (Political, "gane la derecha"), (Political, "gane la izquierda"), (Political, "votar a la derecha"), (Political, "votar a la izquierda"),
    ],
    [
        "dios mío", "ay dios", "gracias a dios", "por dios", "dios sabe", "si dios quiere", "vaya por dios", "dios de la guerra",
        "campaña publicitaria", "campaña de publicidad", "campaña de marketing", "campaña de verano", "campaña de navidad", "campaña de rebajas",
        "vota por tu favorito", "vota por tu favorita", "vota por el mejor", "vota por la mejor", "vota por tu",
        "tratamiento facial", "tratamiento capilar", "tratamiento de datos", "tratamiento de textos", "tratamiento del agua", "tratamiento de belleza",
        "matar el tiempo", "matando el tiempo", "me mata", "golpe de suerte", "golpe de efecto", "golpe de calor", "de un golpe", "sangre fría", "a sangre fría",
        "bomba de baño", "una bomba de", "es la bomba", "está de muerte", "muerto de risa", "muertos de risa", "muerta de risa", "me muero de risa",
        "cura de", "crédito de la foto", "créditos", "créditos finales", "menores precios", "menores costes",
        "desnudo integral de la verdad", "a simple vista",
        "mata de risa", "es una bomba", "una bomba", "es matador", "chiste es matador", "menores de veinticinco", "menores de treinta", "menores de 25",
    ]);
}
