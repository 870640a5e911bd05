using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsLeakExtractor.Ingestion.Store;

namespace NewsLeakExtractor.Cli.Dashboard.Pages;

/// <summary>One role's share of an actor's events: the newest few and how many there are in all.</summary>
public sealed record ActorRoleEvents(ActorRole Role, string Heading, string QueryValue, EventPage Page);

/// <summary>An actor's events in each role it can play.</summary>
public sealed class ActorModel(IArticleStore store) : PageModel
{
    public const int PerRole = 20;

    private static readonly (ActorRole Role, string Heading, string QueryValue)[] Roles =
    [
        (ActorRole.Leaker, "As leaker", "leaker"),
        (ActorRole.Recipient, "As recipient", "recipient"),
        (ActorRole.Owner, "As owner of the information", "owner"),
        (ActorRole.Reactor, "Reacting", "reactor"),
    ];

    public string Name { get; private set; } = "";

    public IReadOnlyList<ActorRoleEvents> ByRole { get; private set; } = [];

    public async Task OnGetAsync(string name, CancellationToken cancellationToken)
    {
        // Routing leaves an encoded slash encoded (it would otherwise split the path); names like "AC/DC" need it back.
        Name = name.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var byRole = new List<ActorRoleEvents>();
        foreach (var (role, heading, value) in Roles)
        {
            var page = await store.QueryEventsAsync(new EventQuery { Actor = Name, ActorRole = role, PageSize = PerRole }, cancellationToken);
            byRole.Add(new ActorRoleEvents(role, heading, value, page));
        }

        ByRole = byRole;
    }
}
