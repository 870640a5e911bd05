using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace NewsLeakExtractor.Cli.Dashboard;

/// <summary>Links that keep the current filters and change one parameter (the pager, the timeline's bucket).</summary>
public static class QueryLinks
{
    public static string With(HttpRequest request, string key, string? value)
    {
        var query = new QueryBuilder();
        foreach (var (name, values) in request.Query)
        {
            if (!string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var item in values)
                {
                    if (!string.IsNullOrEmpty(item))
                    {
                        query.Add(name, item);
                    }
                }
            }
        }

        if (!string.IsNullOrEmpty(value))
        {
            query.Add(key, value);
        }

        return request.Path + query.ToQueryString().ToString();
    }

    /// <summary>The events page filtered as given; empty values are left out.</summary>
    public static string Events(params (string Key, string? Value)[] filters)
    {
        var query = new QueryBuilder();
        foreach (var (key, value) in filters)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(key, value);
            }
        }

        return "/" + query.ToQueryString().ToString();
    }

    public static string Actor(string name) => "/actors/" + Uri.EscapeDataString(name);

    public static string Event(string id) => "/events/" + Uri.EscapeDataString(id);
}
