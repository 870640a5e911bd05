namespace NewsLeakExtractor.Clean;

/// <summary>
/// One reusable array per thread for per-element data: a page's arrays are often large enough for the large-object
/// heap, and allocating them anew for every page costs collections. <c>ArrayPool</c> would do, but its trimming
/// after every full collection costs more than it saves here. Arrays come out cleared and must be handed back
/// with the length that was used, so they go back cleared.
/// </summary>
internal static class ScratchArray<T>
{
    [ThreadStatic]
    private static T[]? _cached;

    public static T[] Rent(int minimumLength)
    {
        var cached = _cached;
        if (cached is not null && cached.Length >= minimumLength)
        {
            _cached = null;
            return cached;
        }

        // Doubling sizes, so a thread settles on one array after its first large pages.
        var length = 1024;
        while (length < minimumLength && length <= Array.MaxLength / 2)
        {
            length *= 2;
        }

        return new T[Math.Max(length, minimumLength)];
    }

    /// <summary>Clears the first <paramref name="usedLength"/> entries and keeps the array for the thread's next page.</summary>
    public static void Return(T[] array, int usedLength)
    {
        Array.Clear(array, 0, Math.Min(usedLength, array.Length));
        if (_cached is null || _cached.Length < array.Length)
        {
            _cached = array;
        }
    }
}
