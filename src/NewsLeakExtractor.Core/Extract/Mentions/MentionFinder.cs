using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Extract.Mentions;

/// <summary>
/// Finds the actors a sentence mentions: people with their titles ("Israeli Defense Minister Avigdor Lieberman"),
/// outlets, countries, organisations, unnamed actors ("two senior U.S. officials", "a Belgian counterterrorism
/// official"), appositive roles ("Sergey Kislyak, Moscow's ambassador to Washington") and pronouns.
/// Everything it knows about words comes from <c>models/lexicons/</c>.
/// </summary>
public sealed class MentionFinder
{
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "two", "three", "four", "five", "several", "some", "other", "many", "both", "its", "their", "his", "her", "one", "another", "these", "those", "all",
    };

    private readonly Gazetteer _gazetteer;
    private readonly HashSet<string> _modifiers = Lexicon.Set("lexicons/actor-modifiers.txt");
    private readonly HashSet<string> _organizationHeads = Lexicon.Set("lexicons/organization-heads.txt");
    private readonly HashSet<string> _outletWords = Lexicon.Set("lexicons/outlet-words.txt");
    private readonly HashSet<string> _documentHeads = Lexicon.Set("lexicons/document-name-heads.txt");
    private readonly HashSet<string> _particles = Lexicon.Set("lexicons/name-particles.txt");
    private readonly HashSet<string> _notNames = Lexicon.Set("lexicons/sentence-starters.txt").Concat(Lexicon.Lines("lexicons/not-names.txt")).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.OrdinalIgnoreCase) { "in", "at", "near", "across", "outside", "inside", "to", "from", "into", "via" };
    private readonly Dictionary<string, string> _pronouns = Lexicon.Lines("lexicons/pronouns.tsv")
        .Select(l => l.Split('\t')).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);

    public MentionFinder(Gazetteer gazetteer) => _gazetteer = gazetteer;

    public IReadOnlyList<Mention> Find(string text, Sentence sentence, IReadOnlyList<Token> tokens)
    {
        var mentions = new List<Mention>();
        var i = 0;
        while (i < tokens.Count)
        {
            var next = TryActorPhrase(text, tokens, i, sentence.Index, mentions)
                ?? TryNamedEntity(text, tokens, i, sentence.Index, mentions)
                ?? TryProperName(text, tokens, i, sentence.Index, mentions)
                ?? TryPronoun(tokens, i, sentence.Index, mentions);
            i = next ?? i + 1;
        }

        return AttachAppositives(text, mentions);
    }

    /// <summary>[determiner] modifier* (title name | title | unnamed head): "Russian Foreign Minister Sergey Lavrov", "U.S. officials".</summary>
    private int? TryActorPhrase(string text, IReadOnlyList<Token> tokens, int start, int sentence, List<Mention> mentions)
    {
        var i = start;
        var hasDeterminer = false;
        while (i < tokens.Count && Determiners.Contains(tokens[i].Text))
        {
            hasDeterminer = true;
            i++;
        }

        // An outlet's name is no actor phrase ("Army Radio", "the Financial Times"), unless a title follows it:
        // "Foreign Affairs Minister" is a minister, whatever magazine shares the first two words.
        if (i < tokens.Count && _gazetteer.Match(tokens, i, k => k is EntryKind.Outlet) is { } outlet
            && _gazetteer.Match(tokens, i + outlet.Length, k => k is EntryKind.Title or EntryKind.UnnamedHead) is null)
        {
            return null;
        }

        var phraseStart = i;
        string? affiliation = null;
        var modifiers = 0;
        while (i < tokens.Count && modifiers < 6)
        {
            var place = _gazetteer.Match(tokens, i, k => k is EntryKind.Demonym or EntryKind.Country or EntryKind.Capital or EntryKind.Organization)
                ?? (_gazetteer.Match(tokens, i, k => k is EntryKind.Outlet) is { } named && _gazetteer.Match(tokens, i + named.Length, k => k is EntryKind.Title) is not null ? named : null);
            if (place is { } p)
            {
                // A place or body followed by a title or head ("Israeli Defense Minister", "FBI agents").
                affiliation ??= p.Entry.Kind switch { EntryKind.Organization => p.Entry.Country ?? p.Entry.Canonical, EntryKind.Outlet => null, _ => p.Entry.Canonical };
                i += p.Length;
                modifiers++;
                continue;
            }

            if (_gazetteer.Match(tokens, i, k => k is EntryKind.Title or EntryKind.UnnamedHead) is { } asHead)
            {
                // A head word followed by another head is a modifier ("intelligence officials", "defense officials").
                if (_gazetteer.Match(tokens, i + asHead.Length, k => k is EntryKind.Title or EntryKind.UnnamedHead) is null)
                {
                    break;
                }

                i += asHead.Length;
                modifiers++;
                continue;
            }

            if (_modifiers.Contains(tokens[i].Text) && !Gazetteer.IsPossessive(tokens[i].Text))
            {
                i++;
                modifiers++;
                continue;
            }

            // A capitalised word right before a head names the body ("a former Treasury contractor").
            if (Gazetteer.StartsUpper(tokens[i].Text) && !Gazetteer.IsPossessive(tokens[i].Text) && !_notNames.Contains(tokens[i].Text) && i + 1 < tokens.Count
                && _gazetteer.Match(tokens, i + 1, k => k is EntryKind.UnnamedHead) is not null)
            {
                i++;
                modifiers++;
                continue;
            }

            break;
        }

        var head = _gazetteer.Match(tokens, i, k => k is EntryKind.Title or EntryKind.UnnamedHead);
        if (head is not { } h)
        {
            return null;
        }

        var headEnd = i + h.Length;
        // Further titles may follow ("Deputy Prime Minister"): take the longest run of titles.
        while (headEnd < tokens.Count && _gazetteer.Match(tokens, headEnd, k => k is EntryKind.Title) is { } more)
        {
            headEnd += more.Length;
        }

        var roleText = Slice(text, tokens[phraseStart], tokens[headEnd - 1]);
        var nameEnd = h.Entry.Kind == EntryKind.Title ? ProperNameEnd(tokens, headEnd) : headEnd;
        if (nameEnd > headEnd && _documentHeads.Contains(TrimPossessive(tokens[nameEnd - 1].Text)))
        {
            return nameEnd; // "the Official Secrets Act": a law, not an official
        }

        if (nameEnd > headEnd)
        {
            var name = Slice(text, tokens[headEnd], tokens[nameEnd - 1]);
            mentions.Add(new Mention(tokens[start].Start, tokens[nameEnd - 1].End, Slice(text, tokens[start], tokens[nameEnd - 1]),
                MentionKind.Person, TrimPossessive(name), roleText, affiliation, sentence));
            return nameEnd;
        }

        // A bare plural head ("officials said") still names an unnamed actor, a bare singular noun
        // ("intelligence", "administration") does not; a lone title with "the" ("the president") is a definite
        // description that coreference resolves.
        if (modifiers == 0 && !hasDeterminer && !(h.Entry.Kind == EntryKind.UnnamedHead && tokens[headEnd - 1].Text.EndsWith('s')))
        {
            return null;
        }

        mentions.Add(new Mention(tokens[start].Start, tokens[headEnd - 1].End, Slice(text, tokens[start], tokens[headEnd - 1]),
            MentionKind.Unnamed, TrimPossessive(roleText), modifiers == 0 ? TrimPossessive(roleText) : null, affiliation, sentence)
        {
            HeadKind = h.Entry.Kind == EntryKind.Title ? "person" : h.Entry.SubKind,
        });
        return headEnd;
    }

    private int? TryNamedEntity(string text, IReadOnlyList<Token> tokens, int start, int sentence, List<Mention> mentions)
    {
        var i = start;
        if (tokens[i].Text.Equals("the", StringComparison.OrdinalIgnoreCase) && i + 1 < tokens.Count)
        {
            i++;
        }

        var match = _gazetteer.Match(tokens, i, k => k is EntryKind.Outlet or EntryKind.Country or EntryKind.Capital or EntryKind.Organization);
        if (match is not { } m)
        {
            // Plural demonyms name a people ("the Russians", "Israelis").
            var demonym = _gazetteer.Match(tokens, i, k => k is EntryKind.Demonym);
            if (demonym is { } d && tokens[i + d.Length - 1].Text.EndsWith('s'))
            {
                mentions.Add(new Mention(tokens[start].Start, tokens[i + d.Length - 1].End, Slice(text, tokens[start], tokens[i + d.Length - 1]),
                    MentionKind.Group, TrimPossessive(Slice(text, tokens[i], tokens[i + d.Length - 1])), null, d.Entry.Canonical, sentence));
                return i + d.Length;
            }

            return null;
        }

        var end = i + m.Length;

        // "The National Archives", "the Independent Office for Police Conduct": a known name that runs on into
        // more capitalised words is the start of another name.
        if (m.Entry.Kind == EntryKind.Outlet && end < tokens.Count && Gazetteer.StartsUpper(tokens[end].Text) && !_notNames.Contains(tokens[end].Text)
            && _gazetteer.Match(tokens, end, k => k is EntryKind.Title or EntryKind.UnnamedHead) is null)
        {
            return null;
        }

        var kind = m.Entry.Kind switch
        {
            EntryKind.Outlet => MentionKind.Outlet,
            EntryKind.Organization => MentionKind.Organization,
            _ => MentionKind.Country,
        };
        var affiliation = m.Entry.Kind == EntryKind.Organization ? m.Entry.Country : m.Entry.Country ?? m.Entry.Canonical;
        mentions.Add(new Mention(tokens[start].Start, tokens[end - 1].End, Slice(text, tokens[start], tokens[end - 1]), kind, m.Entry.Canonical, null, affiliation, sentence));
        return end;
    }

    /// <summary>Capitalised words that no lexicon knows: a person ("Shashank Joshi") or an organisation ("Center for ... Studies").</summary>
    private int? TryProperName(string text, IReadOnlyList<Token> tokens, int start, int sentence, List<Mention> mentions)
    {
        var end = ProperNameEnd(tokens, start);
        if (end == start)
        {
            return null;
        }

        // "the Espionage Act": the name of a law or document is no actor.
        if (_documentHeads.Contains(TrimPossessive(tokens[end - 1].Text)))
        {
            return end;
        }

        // "in Tel Aviv", "from Manchester": a capitalised name after a place preposition is a place, not a person.
        if (start > 0 && PlacePrepositions.Contains(tokens[start - 1].Text) && !_organizationHeads.Contains(Gazetteer.Key(tokens[end - 1].Text)))
        {
            return end;
        }

        var words = tokens.Skip(start).Take(end - start).Select(t => Gazetteer.Key(t.Text)).ToList();
        var name = TrimPossessive(Slice(text, tokens[start], tokens[end - 1]));

        // An outlet the lexicon does not know still looks like one: "the Desert Ledger", "Northshire Echo", and a
        // short reference to one after "the" ("a reporter at the Echo").
        var theBefore = start > 0 && tokens[start - 1].Text.Equals("the", StringComparison.OrdinalIgnoreCase);
        if ((words.Count >= 2 || theBefore) && tokens.Skip(start).Take(end - start).Any(t => _outletWords.Contains(TrimPossessive(t.Text))))
        {
            var from = start > 0 && tokens[start - 1].Text.Equals("the", StringComparison.OrdinalIgnoreCase) ? start - 1 : start;
            mentions.Add(new Mention(tokens[from].Start, tokens[end - 1].End, Slice(text, tokens[from], tokens[end - 1]), MentionKind.Outlet, name, null, null, sentence));
            return end;
        }

        // A one-word name with a capital inside ("GadgetSpill", "OpenVault") is a brand, site or company, not a person.
        var isOrganization = words.Any(_organizationHeads.Contains) || (end - start == 1 && IsCamelCase(tokens[start].Text));
        if (isOrganization)
        {
            // Organisation names may run on through "of", "for" and "and" ("Center for Strategic and International Studies").
            while (end + 1 < tokens.Count && tokens[end].Text is "of" or "for" or "and" && Gazetteer.StartsUpper(tokens[end + 1].Text))
            {
                end = Math.Max(end + 1, ProperNameEnd(tokens, end + 1));
            }

            name = TrimPossessive(Slice(text, tokens[start], tokens[end - 1]));
        }

        mentions.Add(new Mention(tokens[start].Start, tokens[end - 1].End, Slice(text, tokens[start], tokens[end - 1]),
            isOrganization ? MentionKind.Organization : MentionKind.Person, name, null, null, sentence));
        return end;
    }

    private int? TryPronoun(IReadOnlyList<Token> tokens, int i, int sentence, List<Mention> mentions)
    {
        if (!_pronouns.ContainsKey(tokens[i].Text))
        {
            return null;
        }

        mentions.Add(new Mention(tokens[i].Start, tokens[i].End, tokens[i].Text, MentionKind.Pronoun, tokens[i].Text.ToLowerInvariant(), null, null, sentence));
        return i + 1;
    }

    /// <summary>The end of a run of capitalised name words starting at <paramref name="start"/> (== start when there is none).</summary>
    private int ProperNameEnd(IReadOnlyList<Token> tokens, int start)
    {
        var i = start;
        while (i < tokens.Count)
        {
            var token = tokens[i].Text;
            var capitalised = Gazetteer.StartsUpper(token) && token.Any(char.IsLetter) && !_notNames.Contains(token)
                && _gazetteer.Match(tokens, i, k => k is EntryKind.Title or EntryKind.Country or EntryKind.Demonym or EntryKind.Outlet) is null;
            var particle = i > start && i + 1 < tokens.Count && _particles.Contains(token) && Gazetteer.StartsUpper(tokens[i + 1].Text);
            if (!capitalised && !particle)
            {
                break;
            }

            i++;
            if (Gazetteer.IsPossessive(token))
            {
                break;
            }
        }

        return i;
    }

    /// <summary>
    /// "Name, a/the/Capital's role ...," gives the person that role: the unnamed mention that follows the comma
    /// is folded into the person, with the role running to the next comma.
    /// </summary>
    private static List<Mention> AttachAppositives(string text, List<Mention> mentions)
    {
        var result = new List<Mention>(mentions.Count);
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (mention.Kind == MentionKind.Person && mention.Role is null && m + 1 < mentions.Count && mentions[m + 1].Kind == MentionKind.Unnamed)
            {
                var between = text[mention.End..mentions[m + 1].Start];
                if (between.Trim() is "," or ", a" or ", an" or ", the" || (between.StartsWith(',') && between.Trim().Length <= 5))
                {
                    var roleEnd = RoleEnd(text, mentions[m + 1].Start);
                    var role = StripDeterminer(text[mentions[m + 1].Start..roleEnd].Trim().TrimEnd(',', '.', ';'));
                    result.Add(mention with { Role = role, Affiliation = mention.Affiliation ?? mentions[m + 1].Affiliation });
                    // Organisations named inside the role stay mentions of their own.
                    m++;
                    while (m + 1 < mentions.Count && mentions[m + 1].Start < roleEnd)
                    {
                        m++;
                        if (mentions[m].Kind is MentionKind.Organization or MentionKind.Country)
                        {
                            result.Add(mentions[m]);
                        }
                    }

                    continue;
                }
            }

            result.Add(mention);
        }

        return result;
    }

    private static bool IsCamelCase(string token)
    {
        if (token.Length < 5 || token.StartsWith("Mc", StringComparison.Ordinal) || token.StartsWith("Mac", StringComparison.Ordinal) || token.Contains('\'', StringComparison.Ordinal) || token.Contains('’', StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 1; i < token.Length; i++)
        {
            if (char.IsUpper(token[i]) && char.IsLower(token[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static string StripDeterminer(string phrase)
    {
        var space = phrase.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && Determiners.Contains(phrase[..space]) ? phrase[(space + 1)..] : phrase;
    }

    private static int RoleEnd(string text, int from)
    {
        var depth = 0;
        for (var i = from; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' or ';' or '.' or '—' or '\n' when depth <= 0 && !(text[i] == '.' && i + 1 < text.Length && char.IsLetter(text[i + 1])):
                    return i;
            }
        }

        return text.Length;
    }

    private static string Slice(string text, Token first, Token last) => text[first.Start..last.End];

    private static string TrimPossessive(string name) =>
        name.EndsWith("'s", StringComparison.Ordinal) || name.EndsWith("’s", StringComparison.Ordinal) ? name[..^2] : name.TrimEnd('\'', '’');
}
