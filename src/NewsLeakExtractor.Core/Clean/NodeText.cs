using System.Text;
using AngleSharp.Dom;

namespace NewsLeakExtractor.Clean;

/// <summary>
/// An element's text, exactly what <c>TextContent</c> gives (every descendant text node, in document order).
/// AngleSharp's own takes a lock on a shared pool of builders for every call, and the metadata readers ask for the
/// text of many small elements; this keeps one builder per thread and returns a lone text node's data as it is.
/// The walk keeps its own stack, so a page nested thousands deep cannot exhaust the thread's.
/// </summary>
internal static class NodeText
{
    private const int MaxKeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static StringBuilder? _builder;

    [ThreadStatic]
    private static Stack<(INodeList Children, int Next)>? _path;

    public static string Of(INode node)
    {
        var children = node.ChildNodes;
        if (children.Length == 0)
        {
            return node is IText empty ? empty.Data : string.Empty;
        }

        if (children.Length == 1 && children[0] is IText only)
        {
            return only.Data;
        }

        var builder = _builder ??= new StringBuilder();
        var path = _path ??= new Stack<(INodeList, int)>();
        builder.Clear();
        path.Clear();
        path.Push((children, 0));
        while (path.TryPop(out var level))
        {
            var (list, next) = level;
            for (; next < list.Length; next++)
            {
                var child = list[next];
                if (child is Element)
                {
                    // Come back for the rest of this level once the element's own subtree is written.
                    path.Push((list, next + 1));
                    path.Push((child.ChildNodes, 0));
                    break;
                }

                if (child is IText text)
                {
                    builder.Append(text.Data);
                }
            }
        }

        var result = builder.ToString();
        if (builder.Capacity > MaxKeptCapacity)
        {
            _builder = null; // a rare huge element should not pin its buffer for the thread's life
        }

        return result;
    }
}
