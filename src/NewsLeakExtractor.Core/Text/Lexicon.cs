using System.Collections.Concurrent;
using System.Reflection;

namespace NewsLeakExtractor.Text;

/// <summary>
/// Reads the project's data files (lexicons, patterns) that are embedded from <c>models/</c>.
/// Lines starting with '#' and blank lines are comments.
/// </summary>
public static class Lexicon
{
    private static readonly Assembly Owner = typeof(Lexicon).Assembly;
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> Cache = new(StringComparer.Ordinal);

    /// <summary>The data lines of <c>models/{path}</c>, trimmed.</summary>
    public static IReadOnlyList<string> Lines(string path) => Cache.GetOrAdd(path, static p =>
    {
        using var stream = Owner.GetManifestResourceStream("models/" + p.Replace('\\', '/'))
            ?? throw new FileNotFoundException($"lexicon models/{p} is not embedded in {Owner.GetName().Name}");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                lines.Add(trimmed);
            }
        }

        return lines;
    });

    /// <summary>The lines of <c>models/{path}</c> as a case-insensitive set.</summary>
    public static HashSet<string> Set(string path) => new(Lines(path), StringComparer.OrdinalIgnoreCase);
}
