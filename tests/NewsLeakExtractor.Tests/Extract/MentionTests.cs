using NewsLeakExtractor.Extract.Mentions;
using Xunit;
using static NewsLeakExtractor.Tests.Extract.ExtractionHarness;

namespace NewsLeakExtractor.Tests.Extract;

/// <summary>Actor mentions (<see cref="MentionFinder"/>) and their coreference (<see cref="EntityResolver"/>).</summary>
[Collection(ExtractionCollection.Name)]
public sealed class MentionTests
{
    [Fact]
    public void Demonym_title_and_name_give_a_person_with_role_and_affiliation()
    {
        var analysed = Analyse("Danish Defense Minister Mikkel Brandt said the alliance was as strong as ever.");

        var mention = analysed.MentionAt("Danish Defense Minister Mikkel Brandt");

        Assert.Equal(MentionKind.Person, mention.Kind);
        Assert.Equal("Mikkel Brandt", mention.Name);
        Assert.Equal("Danish Defense Minister", mention.Role);
        Assert.Equal("Denmark", mention.Affiliation);
        var actor = mention.Entity!.ToActor();
        Assert.Equal(("Mikkel Brandt", "Danish Defense Minister", "person", "Denmark"), (actor.Name, actor.Role, actor.Kind, actor.Affiliation));
    }

    [Fact]
    public void Title_chain_without_demonym_gives_the_longest_title_as_role()
    {
        var analysed = Analyse("Deputy Prime Minister Anika Strand arrived in the capital on Tuesday.");

        var mention = analysed.MentionAt("Deputy Prime Minister Anika Strand");

        Assert.Equal(MentionKind.Person, mention.Kind);
        Assert.Equal("Anika Strand", mention.Name);
        Assert.Equal("Deputy Prime Minister", mention.Role);
        Assert.Null(mention.Affiliation);
    }

    [Fact]
    public void Counted_officials_with_a_country_are_an_unnamed_group_of_that_country()
    {
        var analysed = Analyse("Two senior U.S. officials said the report was accurate.");

        var mention = analysed.MentionAt("Two senior U.S. officials");

        Assert.Equal(MentionKind.Unnamed, mention.Kind);
        Assert.Equal("United States", mention.Affiliation);
        Assert.Equal("group", mention.HeadKind);
        Assert.Contains("officials", mention.Name, StringComparison.Ordinal);
        var actor = mention.Entity!.ToActor();
        Assert.Equal("unnamed", actor.Kind);
        Assert.Equal("United States", actor.Affiliation);
    }

    [Fact]
    public void Appositive_after_a_name_gives_the_role_and_keeps_the_organisation()
    {
        var analysed = Analyse("Lena Ortiz, the senior analyst at the Westbrook Policy Institute, said the figures were wrong.");

        var person = analysed.MentionAt("Lena Ortiz");
        Assert.Equal(MentionKind.Person, person.Kind);
        Assert.Equal("senior analyst at the Westbrook Policy Institute", person.Role);
        Assert.Equal("senior analyst at the Westbrook Policy Institute", person.Entity!.Role);

        var organisation = analysed.MentionAt("Westbrook Policy Institute");
        Assert.Equal(MentionKind.Organization, organisation.Kind);
        Assert.Equal("Westbrook Policy Institute", organisation.Name);
    }

    [Fact]
    public void Appositive_with_an_indefinite_article_gives_the_role()
    {
        var analysed = Analyse("Tomas Ferreira, a spokesman for the Interior Ministry, said the plan was flawed.");

        var person = analysed.MentionAt("Tomas Ferreira");

        Assert.Equal("spokesman for the Interior Ministry", person.Role);
    }

    [Fact(Skip = "known limitation: an appositive role only counts when its head noun is in titles.tsv/unnamed-actors.tsv; in 'Marta Velasquez, the chief economist at the World Bank, said growth would slow.' Marta Velasquez gets no role (\"economist\" is no listed head)")]
    public void Appositive_with_a_role_noun_outside_the_lexicon_gives_the_role()
    {
        var analysed = Analyse("Marta Velasquez, the chief economist at the World Bank, said growth would slow.");

        var person = analysed.MentionAt("Marta Velasquez");

        Assert.Equal("chief economist at the World Bank", person.Role);
    }

    [Fact]
    public void Known_outlets_are_recognised_with_their_canonical_names()
    {
        var analysed = Analyse("The BBC, Al Jazeera and the Guardian all ran the story, as did Reuters and The New York Times.");

        foreach (var (surface, canonical) in new[] { ("BBC", "BBC"), ("Al Jazeera", "Al Jazeera"), ("Guardian", "The Guardian"), ("Reuters", "Reuters"), ("New York Times", "The New York Times") })
        {
            var mention = analysed.MentionAt(surface);
            Assert.True(mention.Kind == MentionKind.Outlet, $"{surface}: {AnalysedText.Describe([mention])}");
            Assert.Equal(canonical, mention.Entity!.Name);
            Assert.Equal("organization", mention.Entity.ToActor().Kind);
        }
    }

    [Fact]
    public void Countries_are_recognised_under_their_canonical_names()
    {
        var analysed = Analyse("Diplomats from Germany, the United Kingdom and the U.S. met in the spring; Britain hosted.");

        foreach (var (surface, canonical) in new[] { ("Germany", "Germany"), ("United Kingdom", "United Kingdom"), ("U.S.", "United States"), ("Britain", "United Kingdom") })
        {
            var mention = analysed.MentionAt(surface);
            Assert.True(mention.Kind == MentionKind.Country, $"{surface}: {AnalysedText.Describe([mention])}");
            Assert.Equal(canonical, mention.Name);
            Assert.Equal("country", mention.Entity!.ToActor().Kind);
        }

        // "the United Kingdom" and "Britain" are one country.
        Assert.Same(analysed.MentionAt("United Kingdom").Entity, analysed.MentionAt("Britain").Entity);
    }

    [Theory]
    [InlineData("The minister met reporters in Brightwater on Tuesday.", "Brightwater")]
    [InlineData("The delegation flew from Port Halvorsen to Kestrel Bay overnight.", "Port Halvorsen")]
    [InlineData("The delegation flew from Port Halvorsen to Kestrel Bay overnight.", "Kestrel Bay")]
    [InlineData("Talks resumed at Lindqvist Manor after a short break.", "Lindqvist Manor")]
    public void Capitalised_name_after_a_place_preposition_is_not_a_person(string sentence, string place)
    {
        var analysed = Analyse(sentence);

        var at = sentence.IndexOf(place, StringComparison.Ordinal);
        var people = analysed.Mentions.Where(m => m.Kind == MentionKind.Person && m.Start < at + place.Length && at < m.End).ToList();
        Assert.True(people.Count == 0, AnalysedText.Describe(people));
    }

    [Fact]
    public void Surname_and_one_letter_spelling_variant_resolve_to_the_full_name()
    {
        var analysed = Analyse("Deputy Prime Minister Anika Strand said it was a mistake. Strand later apologised. Ms Strandt also resigned from the cabinet.");

        var full = analysed.MentionAt("Anika Strand").Entity;
        var surname = analysed.MentionAt("Strand later").Entity;
        var variant = analysed.MentionAt("Strandt").Entity;

        Assert.NotNull(full);
        Assert.Same(full, surname);
        Assert.Same(full, variant);
        Assert.Equal("Anika Strand", full!.Name);
        Assert.Equal("Deputy Prime Minister", full.Role);
    }

    [Fact]
    public void Different_surnames_stay_different_people()
    {
        var analysed = Analyse("Senator Ruth Adler met Senator Paul Adams. Adams said the meeting was useful.");

        var adams = analysed.MentionAt("Adams said").Entity;

        Assert.Same(analysed.MentionAt("Paul Adams").Entity, adams);
        Assert.NotSame(analysed.MentionAt("Ruth Adler").Entity, adams);
    }

    [Fact]
    public void The_source_resolves_to_the_last_unnamed_person_not_the_last_named_one()
    {
        var analysed = Analyse("A senior intelligence official described the talks. Finance Minister Clara Oduya attended them. The source said the files were genuine.");

        var official = analysed.MentionAt("A senior intelligence official").Entity;
        var source = analysed.MentionAt("The source").Entity;

        Assert.NotNull(official);
        Assert.Same(official, source);
        Assert.NotSame(analysed.MentionAt("Clara Oduya").Entity, source);
    }

    [Fact]
    public void Pronouns_resolve_to_the_last_person()
    {
        var analysed = Analyse("Foreign Minister Jonas Berg arrived late. He said the budget was ready. Then Sara Holm spoke. She said nothing new.");

        Assert.Same(analysed.MentionAt("Jonas Berg").Entity, analysed.MentionAt("He said").Entity);
        Assert.Same(analysed.MentionAt("Sara Holm").Entity, analysed.MentionAt("She said").Entity);
        Assert.Equal("Sara Holm", analysed.MentionAt("She said").Entity!.Name);
    }

    [Fact]
    public void A_lone_capitalised_word_that_never_speaks_is_not_kept_as_a_person()
    {
        var analysed = Analyse("Meanwhile Brightwater remained quiet during the talks.");

        Assert.DoesNotContain(analysed.Mentions, m => m.Kind == MentionKind.Person && m.Entity is not null);
    }

    [Fact]
    public void A_law_is_not_a_person()
    {
        var analysed = Analyse("Prosecutors charged the former aide under the Official Secrets Act.");

        Assert.DoesNotContain(analysed.Mentions, m => m.Kind == MentionKind.Person);
    }

    [Fact]
    public void Unnamed_actor_with_a_capitalised_body_word_is_found()
    {
        var analysed = Analyse("In a separate case, a former Treasury contractor leaked confidential tax records to The Guardian.");

        var mention = analysed.MentionAt("former Treasury contractor");

        Assert.Equal(MentionKind.Unnamed, mention.Kind);
        Assert.Contains("contractor", mention.Name, StringComparison.Ordinal);
    }

    [Fact(Skip = "known limitation: a capital city at the start of an organisation's name splits it; in 'Lena Ortiz, the senior analyst at the Lisbon Policy Institute, said the plan was flawed.' \"the Lisbon\" becomes the country Portugal and \"Policy Institute\" a separate organisation")]
    public void Organisation_named_after_a_capital_stays_one_organisation()
    {
        var analysed = Analyse("Lena Ortiz, the senior analyst at the Lisbon Policy Institute, said the plan was flawed.");

        Assert.DoesNotContain(analysed.Mentions, m => m.Kind == MentionKind.Country);
        Assert.Equal("Lisbon Policy Institute", analysed.MentionAt("Lisbon Policy Institute").Name);
    }
}
