using AngleSharp.Dom;

namespace NewsLeakExtractor.Clean;

/// <summary>
/// Every element of a page in document order, gathered in one walk and shared by the metadata readers and the body
/// statistics: each separate query (or <c>QuerySelectorAll("*")</c>) would walk the page again, and a page has
/// thousands of elements. Elements are addressed by their position: the descendants of element <c>i</c> are the
/// positions after it up to <see cref="End"/>, so containment and document order are integer comparisons.
/// The same walk takes each body element's own measurements (<see cref="DomStatistics"/>) while the element and its
/// text are fresh in the cache, and notes the elements metadata is read from.
/// A disposed tree is kept for the thread's next page (its arrays are often large-object-heap sized), so it must
/// not be used after disposal, nor outlive its document.
/// </summary>
internal sealed class PageTree : IDisposable
{
    private const int InitialCapacity = 1024;

    [ThreadStatic]
    private static PageTree? _spare;

    private readonly List<(int Index, int NextChild)> _path = [];
    private readonly List<int> _indexed = [];
    private Element[] _elements = new Element[InitialCapacity];
    private ElementMarks[] _marks = new ElementMarks[InitialCapacity];
    private int[] _parents = new int[InitialCapacity];
    private int[] _ends = new int[InitialCapacity];
    private ElementStats[] _stats = new ElementStats[InitialCapacity];
    private IDocument? _document;

    private PageTree()
    {
    }

    public IDocument Document => _document ?? throw new ObjectDisposedException(nameof(PageTree));

    /// <summary>Number of elements in the page.</summary>
    public int Count { get; private set; }

    /// <summary>Position of the document's body, or -1.</summary>
    public int Body { get; private set; } = -1;

    /// <summary>Position of the element whose subtree the body statistics cover: the body, or the document element without one; -1 for an empty page.</summary>
    public int MeasuredRoot { get; private set; } = -1;

    /// <summary>
    /// Per-element measurements, indexed by position. After the walk they hold each element's own part only;
    /// <see cref="DomStatistics.Complete"/> adds up the subtrees.
    /// </summary>
    public ElementStats[] Stats => _stats;

    /// <summary>The subtree sums have been added into <see cref="Stats"/>.</summary>
    public bool StatsComplete { get; set; }

    /// <summary>
    /// Positions, in document order, of the elements the metadata index is built from: the tags in
    /// <see cref="IsIndexedTag"/> and everything with an itemprop attribute.
    /// </summary>
    public IReadOnlyList<int> IndexedElements => _indexed;

    public IElement this[int index] => _elements[index];

    /// <summary>Position of the parent element, -1 for the document element.</summary>
    public int Parent(int index) => _parents[index];

    /// <summary>One past the position of the element's last descendant.</summary>
    public int End(int index) => _ends[index];

    /// <summary>True when <paramref name="descendant"/> is <paramref name="ancestor"/> or lies inside it (like <c>Node.Contains</c>).</summary>
    public bool Contains(int ancestor, int descendant) => descendant >= ancestor && descendant < _ends[ancestor];

    /// <summary>Position of an element of this page, or -1 (a linear search: for the few lookups a page needs).</summary>
    public int IndexOf(IElement? element) => element is null ? -1 : Array.IndexOf(_elements, element, 0, Count);

    /// <summary>Tags the metadata readers look up by name.</summary>
    public static bool IsIndexedTag(string tag) => tag is "meta" or "link" or "script" or "title" or "h1" or "article";

    /// <summary>What the element's attributes say (class, id, itemprop, rel, hidden), read once in the walk.</summary>
    public ref readonly ElementMarks MarksOf(int index) => ref _marks[index];

    /// <summary>True when the element's class or id contains one of the fragments.</summary>
    public bool HasMark(int index, ClassFragments fragments) => fragments.FoundIn(_marks[index].Class) || fragments.FoundIn(_marks[index].Id);

    /// <summary>Walks the page once, depth first in document order, keeping a stack only as deep as the page.</summary>
    public static PageTree Build(IDocument document)
    {
        var tree = _spare ?? new PageTree();
        _spare = null;
        tree._document = document;
        if (document.DocumentElement is not { } root)
        {
            return tree;
        }

        var body = document.Body;
        var measuredRoot = body ?? root;
        var path = tree._path;
        path.Add((tree.Add((Element)root, -1, measuredRoot), 0));
        while (path.Count > 0)
        {
            var (index, next) = path[^1];
            var children = tree[index].ChildNodes;
            var measured = tree._stats[index].Measured;

            // Class tests (Element is AngleSharp's base class) rather than interface tests: an element type implements
            // dozens of interfaces, and the runtime searches them for every node of the page.
            for (; next < children.Length && children[next] is not Element; next++)
            {
                if (measured && children[next] is { NodeType: NodeType.Text } text)
                {
                    DomStatistics.AddOwnText(ref tree._stats[index], text.TextContent);
                }
            }

            if (next == children.Length)
            {
                tree._ends[index] = tree.Count;
                path.RemoveAt(path.Count - 1);
                continue;
            }

            var child = (Element)children[next];
            path[^1] = (index, next + 1);
            var position = tree.Add(child, index, measuredRoot);
            if (ReferenceEquals(child, body))
            {
                tree.Body = position;
            }

            path.Add((position, 0));
        }

        return tree;
    }

    /// <summary>
    /// Length of the element's <c>TextContent</c> (all descendant text), counted without building the string;
    /// counting stops once it reaches <paramref name="limit"/>.
    /// </summary>
    public int TextLength(int index, int limit = int.MaxValue)
    {
        var length = 0;
        for (var i = index; i < _ends[index] && length < limit; i++)
        {
            var children = this[i].ChildNodes;
            for (var c = 0; c < children.Length; c++)
            {
                if (children[c] is { NodeType: NodeType.Text } text)
                {
                    length += text.TextContent.Length;
                }
            }
        }

        return length;
    }

    public void Dispose()
    {
        if (_document is null)
        {
            return;
        }

        // Cleared so the kept arrays hold no page alive, and the next page's measurements start from zero.
        Array.Clear(_elements, 0, Count);
        Array.Clear(_marks, 0, Count);
        Array.Clear(_stats, 0, Count);
        _indexed.Clear();
        Count = 0;
        Body = -1;
        MeasuredRoot = -1;
        StatsComplete = false;
        _document = null;
        _spare = this;
    }

    private int Add(Element element, int parent, IElement measuredRoot)
    {
        if (Count == _elements.Length)
        {
            Array.Resize(ref _elements, Count * 2);
            Array.Resize(ref _marks, Count * 2);
            Array.Resize(ref _parents, Count * 2);
            Array.Resize(ref _ends, Count * 2);
            Array.Resize(ref _stats, Count * 2);
        }

        var index = Count++;
        _elements[index] = element;
        _parents[index] = parent;

        var name = element.LocalName;
        var marks = ((IElement)element).Attributes.Length == 0 ? default : ElementMarks.Read(element);
        _marks[index] = marks;
        if (IsIndexedTag(name) || marks.Itemprop is not null)
        {
            _indexed.Add(index);
        }

        if (ReferenceEquals(element, measuredRoot))
        {
            MeasuredRoot = index;
            DomStatistics.DescribeOwn(name, marks, ref _stats[index], inheritedFurniture: false);
        }
        else if (parent >= 0 && _stats[parent].Measured && !DomStatistics.IsFurniture(name, marks))
        {
            DomStatistics.DescribeOwn(name, marks, ref _stats[index], _stats[parent].InFurniture);
        }

        return index;
    }
}
