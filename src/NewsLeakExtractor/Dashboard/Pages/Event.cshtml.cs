using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsLeakExtractor.Ingestion.Store;

namespace NewsLeakExtractor.Cli.Dashboard.Pages;

/// <summary>One event with every field beside the article sentence it came from.</summary>
public sealed class EventModel(IArticleStore store) : PageModel
{
    public StoredEvent? Stored { get; private set; }

    public StoredArticle? Article { get; private set; }

    public IReadOnlyList<EvidenceAnchor> Anchors { get; private set; } = [];

    public IReadOnlyList<TextRun> Runs { get; private set; } = [];

    /// <summary>Anchor ids whose span fits the stored text; the others are shown as quoted text without a link.</summary>
    public IReadOnlySet<string> Linked { get; private set; } = new HashSet<string>();

    public IReadOnlyList<StoredEvent> Siblings { get; private set; } = [];

    public IReadOnlyList<ArticleHistoryEntry> History { get; private set; } = [];

    public string RequestedId { get; private set; } = "";

    public async Task OnGetAsync(string id, CancellationToken cancellationToken)
    {
        RequestedId = id;
        Stored = await store.GetEventAsync(id, cancellationToken);
        if (Stored is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Article = await store.GetArticleAsync(Stored.ArticleId, cancellationToken);
        Anchors = EvidenceText.Anchors(Stored.Event);
        var text = Article?.Article?.Text ?? "";
        Linked = Anchors.Where(anchor => EvidenceText.Fits(anchor.Span, text)).Select(anchor => anchor.Id).ToHashSet();
        Runs = EvidenceText.Split(text, Anchors);
        Siblings = (await store.GetArticleEventsAsync(Stored.ArticleId, cancellationToken)).Where(e => e.Event.Id != Stored.Event.Id).ToList();
        History = await store.GetHistoryAsync(Stored.ArticleId, cancellationToken);
    }

    public string? AnchorFor(string id) => Linked.Contains(id) ? "#" + id : null;
}
