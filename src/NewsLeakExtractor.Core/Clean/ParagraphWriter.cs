using System.Text;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Clean;

/// <summary>
/// Collects text into paragraphs: whitespace collapsed inside a paragraph, a blank line between paragraphs,
/// list items on their own lines.
/// </summary>
internal sealed class ParagraphWriter
{
    private readonly List<(string Text, bool ListItem)> _paragraphs = [];
    private readonly StringBuilder _current = new();
    private bool _currentIsListItem;
    private bool _pendingSpace;

    public void StartBlock(bool listItem)
    {
        Flush();
        _currentIsListItem = listItem;
    }

    public void EndBlock() => Flush();

    public void LineBreak()
    {
        if (_current.Length > 0)
        {
            _current.Append('\n');
            _pendingSpace = false;
        }
    }

    public void Append(string text)
    {
        foreach (var c in text)
        {
            if (TextNormalizer.IsSpace(c))
            {
                _pendingSpace = _current.Length > 0 && _current[^1] != '\n';
                continue;
            }

            if (TextNormalizer.IsInvisible(c))
            {
                continue;
            }

            if (_pendingSpace)
            {
                _current.Append(' ');
                _pendingSpace = false;
            }

            _current.Append(c);
        }
    }

    private void Flush()
    {
        var text = _current.ToString().Trim();
        _current.Clear();
        _pendingSpace = false;
        if (text.Length > 0)
        {
            _paragraphs.Add((text, _currentIsListItem));
        }

        _currentIsListItem = false;
    }

    /// <summary>The paragraphs joined, without lines that are only page furniture ("Advertisement", "Read more").</summary>
    public string ToString(HashSet<string> boilerplateLines)
    {
        Flush();
        var builder = new StringBuilder();
        var previousWasListItem = false;
        foreach (var (text, listItem) in _paragraphs)
        {
            if (boilerplateLines.Contains(text.TrimEnd('.', ':', '!', '›', '»', '>', ' ')))
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(listItem && previousWasListItem ? "\n" : "\n\n");
            }

            builder.Append(text);
            previousWasListItem = listItem;
        }

        return builder.ToString();
    }
}
