namespace NewsLeakExtractor.Extract.Mentions;

public enum MentionKind
{
    Person,
    Organization,
    Country,

    /// <summary>A people named by nationality ("the Russians", "Brits").</summary>
    Group,

    /// <summary>An actor described but not named ("U.S. officials", "a source familiar with the matter").</summary>
    Unnamed,
    Outlet,
    Pronoun,
}

/// <summary>
/// An actor mentioned in the article: where (character offsets into the article text), what kind, and what the
/// surrounding words say about it (role, affiliation). <see cref="Entity"/> is filled by coreference.
/// </summary>
public sealed record Mention(int Start, int End, string Text, MentionKind Kind, string Name, string? Role, string? Affiliation, int Sentence)
{
    /// <summary>The article-wide entity this mention refers to (coreference), or null before resolution.</summary>
    public Entity? Entity { get; init; }

    /// <summary>For unnamed actors, what the head noun names (person, group, organization), from the lexicon.</summary>
    public string? HeadKind { get; init; }
}

/// <summary>One actor of the article, gathered from all its mentions.</summary>
public sealed class Entity
{
    public Entity(string name, MentionKind kind, string? role, string? affiliation)
    {
        Name = name;
        Kind = kind;
        Role = role;
        Affiliation = affiliation;
    }

    public string Name { get; private set; }

    public MentionKind Kind { get; }

    public string? Role { get; private set; }

    public string? Affiliation { get; private set; }

    /// <summary>Learns from a further mention: a fuller name, a role or affiliation not seen before.</summary>
    public void Absorb(Mention mention)
    {
        if (mention.Kind == Kind && mention.Name.Length > Name.Length && mention.Name.Contains(' ', StringComparison.Ordinal))
        {
            Name = mention.Name;
        }

        Role ??= mention.Role;
        Affiliation ??= mention.Affiliation;
    }

    public Contract.Actor ToActor() => new(Name, Role, Kind switch
    {
        MentionKind.Person => "person",
        MentionKind.Organization or MentionKind.Outlet => "organization",
        MentionKind.Country => "country",
        MentionKind.Group => "group",
        _ => "unnamed",
    }, Affiliation);

    public override string ToString() => Name;
}
