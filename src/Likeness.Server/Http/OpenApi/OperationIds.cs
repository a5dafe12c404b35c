using System.Globalization;
using System.Text;

namespace Likeness.Server.Http.OpenApi;

/// <summary>
/// An operation's id, from its method and route: <c>POST /v1/renders</c> is <c>postRenders</c>, <c>GET
/// /v1/licenses/{id}</c> is <c>getLicensesById</c>, <c>POST /v1/license-requests/{id}/approve</c> is
/// <c>postLicenseRequestsByIdApprove</c>. Distinct routes give distinct ids.
/// </summary>
public static class OperationIds
{
    public static string From(string method, string path)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "v1")
            {
                continue;
            }

            var name = segment.StartsWith('{') ? "by-" + segment.Trim('{', '}', '*', '?') : segment;
            foreach (var word in name.Split('-', '.', '_'))
            {
                if (word.Length > 0)
                {
                    id.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word[1..]);
                }
            }
        }

        return id.ToString();
    }
}
