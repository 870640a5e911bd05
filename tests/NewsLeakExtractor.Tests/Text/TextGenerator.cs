using System.Text;

namespace NewsLeakExtractor.Tests.Text;

/// <summary>Seeded generator of news-like text, for property and timing tests (no real article text).</summary>
internal static class TextGenerator
{
    private static readonly string[] Lower =
    [
        "the", "memo", "was", "sent", "to", "a", "reporter", "by", "an", "aide", "who", "had", "access", "files", "of",
        "ministry", "denied", "that", "it", "leaked", "documents", "and", "said", "inquiry", "would", "follow", "in",
        "classified", "briefing", "counter-terrorism", "don't", "officials’", "envoy’s", "3.5", "1,200", "$250,000",
        "45%", "10:30", "2019", "20-year-old", "e.g.", "i.e.", "etc.", "vs.", "a.m.", "p.m.", "example.com",
        "https://example.org/x?y=1", "tips@example.net", "…", "...", "—", "–", "(see", "below)", "[1]", "#leaks",
        "@press", "Zoë", "Nguyễn", "𝐁old", "👍🏽", "’90s", "U.S.-led", "no.", "Inc.", "Jr.",
    ];

    private static readonly string[] Capitalized =
    [
        "The", "But", "He", "She", "It", "They", "Officials", "In", "A", "This", "Mr.", "Gen.", "Sen.", "Dr.",
        "U.S.", "U.K.", "U.N.", "E.U.", "J.", "J.K.", "F.", "Army", "Senate", "President", "Ames", "Ortiz",
        "Beijing", "London", "Calif.", "Mass.", "Jan.", "Sept.", "No.", "St.", "Prof.", "Lt.", "Col.", "Sgt.", "iPhone",
    ];

    private static readonly string[] Ends = [".", ".", ".", "?", "!", "?!", "...", "…", ".”", "?”", "!”", ".)", ".’", ".\"", ",” he said.", ""];

    private static readonly string[] Spaces = [" ", " ", " ", " ", "  ", "\u00A0", "\t", " \u200B"];

    private static readonly string[] Breaks = ["\n\n", "\n", "\r\n\r\n", "\n \n", "\u2029"];

    public static string News(int seed, int approximateLength)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(approximateLength + 200);
        while (builder.Length < approximateLength)
        {
            var sentences = random.Next(1, 6);
            var quoted = random.Next(4) == 0;
            if (quoted)
            {
                builder.Append(random.Next(3) switch { 0 => '"', 1 => '‘', _ => '“' });
            }

            for (var s = 0; s < sentences; s++)
            {
                builder.Append(Capitalized[random.Next(Capitalized.Length)]);
                var words = random.Next(2, 25);
                for (var w = 0; w < words; w++)
                {
                    builder.Append(Spaces[random.Next(Spaces.Length)]);
                    builder.Append(random.Next(6) == 0 ? Capitalized[random.Next(Capitalized.Length)] : Lower[random.Next(Lower.Length)]);
                }

                builder.Append(Ends[random.Next(Ends.Length)]);
                if (s < sentences - 1)
                {
                    builder.Append(Spaces[random.Next(Spaces.Length)]);
                }
            }

            if (quoted)
            {
                builder.Append(random.Next(3) switch { 0 => "”", 1 => "’ she said.", _ => "" });
            }

            builder.Append(Breaks[random.Next(Breaks.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>Arbitrary characters, weighted towards the ones the text layer treats specially, lone surrogates included.</summary>
    public static string Noise(int seed, int length)
    {
        const string special = ".!?…\"'“”‘’„«»()[]{}-–—,;:$%@#/ \n\r\t\u00A0\u200B\u200D\u00AD\u0301AaZz09";
        var random = new Random(seed);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(10) switch
            {
                < 6 => special[random.Next(special.Length)],
                < 8 => (char)random.Next('a', 'z' + 1),
                8 => (char)random.Next(0xD800, 0xE000),
                _ => (char)random.Next(0x20, 0x3000),
            };
        }

        return new string(chars);
    }
}
