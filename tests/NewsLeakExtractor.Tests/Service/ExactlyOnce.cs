using NewsLeakExtractor.Ingestion.Store;
using Xunit;

namespace NewsLeakExtractor.Tests.Service;

/// <summary>The check behind every "no article lost, none processed twice" test.</summary>
internal static class ExactlyOnce
{
    /// <summary>Every article of the site is stored, extracted once (never re-extracted), and no event is stored twice.</summary>
    public static async Task AssertAsync(IArticleStore store, NewsSite site)
    {
        var eventIds = new HashSet<string>();
        for (var n = 1; n <= site.ArticleCount; n++)
        {
            var article = await store.FindByUrlAsync(site.ArticleUrl(n).ToString(), default);
            Assert.True(article is not null, $"article {n} was lost");
            var history = await store.GetHistoryAsync(article.Id, default);
            Assert.Single(history, entry => entry.Action == "extracted");
            Assert.DoesNotContain(history, entry => entry.Action == "re-extracted");
            foreach (var stored in await store.GetArticleEventsAsync(article.Id, default))
            {
                Assert.True(eventIds.Add(stored.Event.Id), $"event {stored.Event.Id} stored twice");
            }
        }

        Assert.Equal(eventIds.Count, (await store.QueryEventsAsync(new EventQuery { PageSize = 1 }, default)).Total);
    }
}
