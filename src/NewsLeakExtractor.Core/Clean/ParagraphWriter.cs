using System.Text;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Clean;

/// <summary>
/// Collects text into paragraphs: whitespace collapsed inside a paragraph, a blank line between paragraphs,
/// list items on their own lines.
/// </summary>
internal sealed class ParagraphWriter
{
    // All paragraphs share one buffer and are kept as ranges of it: no string per paragraph.
    private readonly StringBuilder _text = new();
    private readonly List<(int Start, int Length, bool ListItem)> _paragraphs = [];
    private int _currentStart;
    private bool _currentIsListItem;
    private bool _pendingSpace;

    private bool CurrentIsEmpty => _text.Length == _currentStart;

    public void StartBlock(bool listItem)
    {
        Flush();
        _currentIsListItem = listItem;
    }

    public void EndBlock() => Flush();

    public void LineBreak()
    {
        if (!CurrentIsEmpty)
        {
            _text.Append('\n');
            _pendingSpace = false;
        }
    }

    public void Append(string text)
    {
        foreach (var c in text)
        {
            if (TextNormalizer.IsSpace(c))
            {
                _pendingSpace = !CurrentIsEmpty && _text[^1] != '\n';
                continue;
            }

            if (TextNormalizer.IsInvisible(c))
            {
                continue;
            }

            if (_pendingSpace)
            {
                _text.Append(' ');
                _pendingSpace = false;
            }

            _text.Append(c);
        }
    }

    private void Flush()
    {
        // Spaces are only written between characters, so a paragraph can only end (never start) with whitespace: line breaks.
        var end = _text.Length;
        while (end > _currentStart && char.IsWhiteSpace(_text[end - 1]))
        {
            end--;
        }

        if (end > _currentStart)
        {
            _paragraphs.Add((_currentStart, end - _currentStart, _currentIsListItem));
        }

        _text.Length = end;
        _currentStart = end;
        _pendingSpace = false;
        _currentIsListItem = false;
    }

    /// <summary>The paragraphs joined, without lines that are only page furniture ("Advertisement", "Read more").</summary>
    public string ToString(HashSet<string> boilerplateLines)
    {
        Flush();
        var all = _text.ToString();
        var boilerplate = boilerplateLines.GetAlternateLookup<ReadOnlySpan<char>>();
        var builder = new StringBuilder(all.Length + (2 * _paragraphs.Count));
        var previousWasListItem = false;
        foreach (var (start, length, listItem) in _paragraphs)
        {
            var text = all.AsSpan(start, length);
            if (boilerplate.Contains(text.TrimEnd(".:!›»> ")))
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
