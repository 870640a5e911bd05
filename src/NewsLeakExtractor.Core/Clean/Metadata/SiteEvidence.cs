using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Clean.Metadata;

/// <summary>
/// What names the site (og:site_name, the JSON-LD publisher, app names, the Twitter account, the host name) and
/// who wrote the page: a title segment that matches one of these is an affix, not part of the headline.
/// </summary>
internal sealed class SiteEvidence
{
    private static readonly HashSet<string> GenericHostLabels = Lexicon.Set("cleaning/metadata/generic-host-labels.txt");

    private const int MaxNameWords = 6;

    private readonly List<string> _names = [];
    private readonly List<string> _hostLabels = [];

    public void AddName(string? name)
    {
        // Some pages put the headline in application-name and the like; a name of many words is no site's name.
        if (name is null || MetaText.WordCount(name) > MaxNameWords)
        {
            return;
        }

        var key = MetaText.Key(name.TrimStart('@'));
        if (key.Length >= 2 && !_names.Contains(key))
        {
            _names.Add(key);
        }
    }

    public void AddHost(Uri? url)
    {
        if (url is null || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.HostNameType != UriHostNameType.Dns)
        {
            return;
        }

        var labels = url.Host.ToLowerInvariant().Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (labels.Length < 2)
        {
            return;
        }

        // "lwn.net" matches "LWN.net" and "LWN"; "blog.nightly.mozilla.org" matches "Nightly" and "Mozilla".
        var meaningful = labels[..^1].Where(l => !GenericHostLabels.Contains(l) && l.Length >= 2).ToList();
        foreach (var label in meaningful)
        {
            AddLabel(MetaText.Key(label));
        }

        if (meaningful.Count > 0)
        {
            AddLabel(MetaText.Key(meaningful[^1] + labels[^1]));
        }
    }

    private void AddLabel(string key)
    {
        if (key.Length >= 2 && !_hostLabels.Contains(key))
        {
            _hostLabels.Add(key);
        }
    }

    /// <summary>
    /// True when a byline part names the site itself ("Jane Doe, CNN Business" on cnn.com): the key equals, or
    /// begins with, a site name or host label, or the reverse.
    /// </summary>
    public bool NamesSite(string name)
    {
        var key = MetaText.Key(name);
        if (key.Length < 3)
        {
            return false;
        }

        return _names.Concat(_hostLabels).Any(site => site.Length >= 3
            && (key == site || key.StartsWith(site, StringComparison.Ordinal) || site.StartsWith(key, StringComparison.Ordinal)));
    }

    /// <summary>How closely a title segment must match the evidence to count as naming the site.</summary>
    public enum Match
    {
        /// <summary>The segment is exactly a site name, host label or author.</summary>
        Exact,

        /// <summary>The segment is a site name or part of one ("NYT Opinion" is not; "Herald" for "The Herald Sun" is).</summary>
        WithinName,

        /// <summary>Either holds the other: a trailing "Firefox Nightly News" names blog.nightly.mozilla.org.</summary>
        Overlapping,
    }

    /// <summary>True when a title segment names the site or the author.</summary>
    public bool Matches(string segment, Match match = Match.Overlapping)
    {
        var trimmed = segment.Trim().Trim('[', ']', '(', ')', ':', '|', ' ');
        if (trimmed.StartsWith("by ", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[3..];
        }

        var key = MetaText.Key(trimmed);
        if (key.Length < 2)
        {
            return false;
        }

        var words = MetaText.WordCount(trimmed);
        foreach (var name in _names)
        {
            if (key == name)
            {
                return true;
            }

            if (match != Match.Exact && words <= 6 && Math.Min(key.Length, name.Length) >= 4
                && (name.Contains(key, StringComparison.Ordinal) || (match == Match.Overlapping && key.Contains(name, StringComparison.Ordinal))))
            {
                return true;
            }
        }

        foreach (var label in _hostLabels)
        {
            if (key == label || (match == Match.Overlapping && words <= 5 && label.Length >= 5 && key.Contains(label, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
