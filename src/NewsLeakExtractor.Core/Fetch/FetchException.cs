namespace NewsLeakExtractor.Fetch;

/// <summary>Why an input could not be turned into an article; the message is the one-line reason shown to users.</summary>
public enum FailureReason
{
    NotFound,
    TooLarge,
    Timeout,
    Network,
    HttpStatus,
    UnsupportedContent,
    Binary,
    Empty,
    Undecodable,
    Refused,

    /// <summary>A defect in the extractor itself on this input; recorded so the rest of the batch goes on.</summary>
    ExtractorError,

    /// <summary>The site's robots.txt forbids our user agent this path.</summary>
    RobotsDisallowed,
}

/// <summary>A failed fetch; open to subclasses that name a more specific failure (a feed that is not a feed).</summary>
public class FetchException : Exception
{
    public FetchException(FailureReason reason, string message, Exception? inner = null)
        : base(message, inner) => Reason = reason;

    public FailureReason Reason { get; }

    /// <summary>Whether trying again later can succeed (timeouts, network faults, 5xx, 429 Too Many Requests), as opposed to a permanent refusal.</summary>
    public bool IsTransient => Reason is FailureReason.Timeout or FailureReason.Network
        || (Reason == FailureReason.HttpStatus && (StatusCode >= 500 || StatusCode == 429));

    public int StatusCode { get; init; }
}
