namespace Likeness.Domain.Common;

/// <summary>A component of a digital twin.</summary>
public enum Modality { Face, Voice, Body, Motion, Performance }

/// <summary>How far a likeness asset goes beyond the recorded performer.</summary>
public enum Tier { StaticReplica, BehavioralEmulator, GenerativePersona }

/// <summary>What a render is for (ODRL <c>purpose</c>).</summary>
public enum Purpose
{
    FeatureFilm, Television, Advertising, VideoGame, Interactive, Vr, Dubbing, Adr, Promotion,
    Audiobook, Music, Podcast, Education, Corporate, SocialMedia, News,
}

/// <summary>What a render contains. Some categories are sensitive (see <see cref="Content.ContentCategories"/>).</summary>
public enum ContentCategory
{
    Political, Sexual, Nudity, Religious, Medical, Financial, Endorsement, Violence, Weapons, Drugs,
    Alcohol, Tobacco, Gambling, Hate, Minors, Profanity, Horror, Comedy, News,
}

/// <summary>How a render relates to the performer's recorded work.</summary>
public enum Derivation
{
    /// <summary>Alteration of a recorded performance (e.g. ADR, lip-sync, de-ageing of a take).</summary>
    Alteration,

    /// <summary>A performance the performer never gave.</summary>
    NewPerformance,

    /// <summary>Driven by another performer's capture.</summary>
    Puppetry,
}

/// <summary>
/// What a contributor gives a render with several performers: her likeness, her captured performance driving another's
/// likeness (puppetry), her voice, or her body.
/// </summary>
public enum ContributorRole { Likeness, Driver, Voice, Body }

/// <summary>Whether the render changes the performer's apparent age.</summary>
public enum AgeModification { None, Younger, Older }

/// <summary>The sorts of party that hold API keys.</summary>
public enum PartyKind { Operator, Performer, Representative, Estate, Studio, Union, Auditor }
