using System.Buffers;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Clean;

/// <summary>
/// Collects text into paragraphs: whitespace collapsed inside a paragraph, a blank line between paragraphs,
/// list items on their own lines.
/// </summary>
internal sealed class ParagraphWriter
{
    private const int InitialBuffer = 4096;

    // All paragraphs share one pooled buffer and are kept as ranges of it: the finished text is the only string made.
    private readonly List<(int Start, int Length, bool ListItem)> _paragraphs = [];
    private char[] _buffer = ArrayPool<char>.Shared.Rent(InitialBuffer);
    private int _length;
    private int _currentStart;
    private bool _currentIsListItem;
    private bool _pendingSpace;

    private bool CurrentIsEmpty => _length == _currentStart;

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
            Write('\n');
            _pendingSpace = false;
        }
    }

    public void Append(string text)
    {
        foreach (var c in text)
        {
            if (TextNormalizer.IsSpace(c))
            {
                _pendingSpace = !CurrentIsEmpty && _buffer[_length - 1] != '\n';
                continue;
            }

            if (TextNormalizer.IsInvisible(c))
            {
                continue;
            }

            if (_pendingSpace)
            {
                Write(' ');
                _pendingSpace = false;
            }

            Write(c);
        }
    }

    private void Write(char c)
    {
        if (_length == _buffer.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = larger;
        }

        _buffer[_length++] = c;
    }

    private void Flush()
    {
        // Spaces are only written between characters, so a paragraph can only end (never start) with whitespace: line breaks.
        var end = _length;
        while (end > _currentStart && char.IsWhiteSpace(_buffer[end - 1]))
        {
            end--;
        }

        if (end > _currentStart)
        {
            _paragraphs.Add((_currentStart, end - _currentStart, _currentIsListItem));
        }

        _length = end;
        _currentStart = end;
        _pendingSpace = false;
        _currentIsListItem = false;
    }

    /// <summary>
    /// The paragraphs joined, without lines that are only page furniture ("Advertisement", "Read more").
    /// The writer is finished afterwards: its buffer goes back to the pool.
    /// </summary>
    public string ToString(HashSet<string> boilerplateLines)
    {
        Flush();
        var boilerplate = boilerplateLines.GetAlternateLookup<ReadOnlySpan<char>>();
        var length = 0;
        var kept = 0;
        var previousWasListItem = false;
        for (var i = 0; i < _paragraphs.Count; i++)
        {
            var (start, paragraphLength, listItem) = _paragraphs[i];
            if (boilerplate.Contains(_buffer.AsSpan(start, paragraphLength).TrimEnd(".:!›»> ")))
            {
                _paragraphs[i] = (start, -1, listItem); // dropped
                continue;
            }

            length += (kept > 0 ? Separator(listItem, previousWasListItem).Length : 0) + paragraphLength;
            kept++;
            previousWasListItem = listItem;
        }

        var text = string.Create(length, this, static (output, writer) => writer.Join(output));
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
        return text;
    }

    private static string Separator(bool listItem, bool previousWasListItem) => listItem && previousWasListItem ? "\n" : "\n\n";

    private void Join(Span<char> output)
    {
        var written = 0;
        var previousWasListItem = false;
        foreach (var (start, length, listItem) in _paragraphs)
        {
            if (length < 0)
            {
                continue;
            }

            if (written > 0)
            {
                var separator = Separator(listItem, previousWasListItem);
                separator.CopyTo(output[written..]);
                written += separator.Length;
            }

            _buffer.AsSpan(start, length).CopyTo(output[written..]);
            written += length;
            previousWasListItem = listItem;
        }
    }
}
