using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Extract.Mentions;

/// <summary>
/// Coreference within one article: surnames to full names ("Lieberman" = "Avigdor Liberman", spelling variants
/// one letter apart), definite descriptions to the last fitting actor ("the president", "the source",
/// "the publication"), pronouns to the last person, and the same country, outlet or unnamed group to one entity.
/// Mentions that resolve to nothing plausible (a lone capitalised word no one else names) are dropped.
/// </summary>
public sealed class EntityResolver
{
    private static readonly HashSet<string> SpeechVerbs = Lexicon.Set("lexicons/speech-verbs.txt");

    private static readonly HashSet<string> OutletWords = Lexicon.Set("lexicons/outlet-references.txt");

    public IReadOnlyList<Mention> Resolve(string text, IReadOnlyList<Mention> mentions)
    {
        var entities = new Dictionary<string, Entity>(StringComparer.OrdinalIgnoreCase);
        var people = new List<Entity>();
        var resolved = new List<Mention>(mentions.Count);
        Entity? lastPerson = null;
        Entity? lastOutlet = null;
        Entity? lastUnnamedPerson = null;

        foreach (var mention in mentions)
        {
            Entity? entity = mention.Kind switch
            {
                MentionKind.Person => ResolvePerson(text, mention, people),
                MentionKind.Pronoun => mention.Name is "he" or "him" or "his" or "she" or "her" or "himself" or "herself" ? lastPerson : null,
                MentionKind.Unnamed when IsDefiniteDescription(mention) => ResolveDescription(mention, people, lastOutlet, lastUnnamedPerson),
                _ => null,
            };

            if (entity is null && mention.Kind is not (MentionKind.Person or MentionKind.Pronoun) && !(mention.Kind == MentionKind.Unnamed && IsDefiniteDescription(mention) && OutletWords.Contains(mention.Name)))
            {
                var key = mention.Kind + ":" + NormaliseKey(mention.Name);
                if (!entities.TryGetValue(key, out entity))
                {
                    entities[key] = entity = new Entity(mention.Name, mention.Kind, mention.Role, mention.Affiliation);
                }
            }

            if (entity is null)
            {
                continue;
            }

            if (mention.Kind != MentionKind.Pronoun)
            {
                entity.Absorb(mention);
            }

            switch (entity.Kind)
            {
                case MentionKind.Person:
                    lastPerson = entity;
                    break;
                case MentionKind.Outlet:
                    lastOutlet = entity;
                    break;
                case MentionKind.Unnamed when mention.HeadKind == "person" && !mention.Name.EndsWith('s'):
                    lastUnnamedPerson = entity;
                    break;
            }

            resolved.Add(mention with { Entity = entity });
        }

        return resolved;
    }

    private static Entity? ResolvePerson(string text, Mention mention, List<Entity> people)
    {
        var parts = mention.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var surname = parts[^1];
        foreach (var person in people)
        {
            var known = person.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var sameSurname = SameName(known[^1], surname);
            var sameFirst = parts.Length == 1 || known.Length == 1 || SameName(known[0], parts[0]);
            if ((sameSurname && sameFirst) || (parts.Length == 1 && known.Length > 1 && SameName(known[0], surname)))
            {
                return person;
            }
        }

        // A lone capitalised word is a person only when it speaks ("Sanderson said"); otherwise it is too often
        // a place, a product or a sentence's first word.
        if (parts.Length == 1 && mention.Role is null && !FollowedBySpeech(text, mention.End) && !PrecededBySpeech(text, mention.Start))
        {
            return null;
        }

        var entity = new Entity(mention.Name, MentionKind.Person, mention.Role, mention.Affiliation);
        people.Add(entity);
        return entity;
    }

    private static bool IsDefiniteDescription(Mention mention) =>
        mention.Text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && !mention.Name.Contains(' ', StringComparison.Ordinal);

    private static Entity? ResolveDescription(Mention mention, List<Entity> people, Entity? lastOutlet, Entity? lastUnnamedPerson)
    {
        if (OutletWords.Contains(mention.Name))
        {
            return lastOutlet;
        }

        if (mention.Name is "source" or "official" or "person" or "insider")
        {
            return lastUnnamedPerson ?? people.LastOrDefault();
        }

        // "the president", "the minister": the last person whose role has that word.
        for (var i = people.Count - 1; i >= 0; i--)
        {
            if (people[i].Role?.Contains(mention.Name, StringComparison.OrdinalIgnoreCase) == true)
            {
                return people[i];
            }
        }

        return null;
    }

    /// <summary>Equal, or one letter apart in names of five letters or more (Lieberman / Liberman).</summary>
    private static bool SameName(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return a.Length >= 5 && b.Length >= 5 && Math.Abs(a.Length - b.Length) <= 1 && EditDistanceAtMostOne(a.ToLowerInvariant(), b.ToLowerInvariant());
    }

    private static bool EditDistanceAtMostOne(string a, string b)
    {
        if (a.Length > b.Length)
        {
            (a, b) = (b, a);
        }

        var i = 0;
        while (i < a.Length && a[i] == b[i])
        {
            i++;
        }

        return a.Length == b.Length ? a[(i + 1)..] == b[(i + 1)..] : a[i..] == b[(i + 1)..];
    }

    private static bool FollowedBySpeech(string text, int end)
    {
        var rest = text.AsSpan(end, Math.Min(40, text.Length - end)).TrimStart();
        var word = FirstWord(rest);
        return SpeechVerbs.Contains(word.ToString());
    }

    private static bool PrecededBySpeech(string text, int start)
    {
        var before = text.AsSpan(Math.Max(0, start - 20), start - Math.Max(0, start - 20)).TrimEnd();
        var space = before.LastIndexOf(' ');
        var word = space >= 0 ? before[(space + 1)..] : before;
        return SpeechVerbs.Contains(word.ToString());
    }

    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> text)
    {
        var end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return text[..end];
    }

    private static string NormaliseKey(string name) =>
        string.Join(' ', name.Replace(".", string.Empty, StringComparison.Ordinal).Replace('’', '\'').ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
