using System.Text.Json.Nodes;
using Likeness.Domain.Licensing;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Planning;

/// <summary>
/// Plans over HTTP (issue 21, docs/PLANNING.md): created idempotently, read by their studio only, versioned with the
/// changes shown, rules overridden per plan, refused screenplays answered 400/413 naming the line, and drafted into
/// licence requests whose descriptions pass the AB 2602 check and whose conflicts show before anything is sent.
/// </summary>
public abstract class PlanApiTests(Provider provider) : WorldTests(provider)
{
    private async Task<JsonNode> CreateAsync(object? body = null, string? key = null)
    {
        var (status, plan) = await W.As(W.Studio).PostAsync("/v1/plans", body ?? PlanScripts.Body(W.Performer.Id), key);
        Assert.True(status == 201, plan?.ToJsonString());
        return plan!;
    }

    private static JsonNode? Estimate(JsonNode plan, string performer, string modality) =>
        plan["breakdown"]!["estimates"]!.AsArray().SingleOrDefault(e => e!["performerId"]!.GetValue<string>() == performer && e["modality"]!.GetValue<string>() == modality);

    private static JsonNode Part(JsonNode plan, int scene, string character) =>
        plan["breakdown"]!["parts"]!.AsArray().Single(p => p!["scene"]!.GetValue<int>() == scene && p["character"]!.GetValue<string>() == character)!;

    // A command's answer leaves null members out and a query's writes them: compare what is there.
    private static string WithoutNulls(JsonNode? node)
    {
        var copy = node!.DeepClone();
        Strip(copy);
        return copy.ToJsonString();

        static void Strip(JsonNode? n)
        {
            if (n is JsonObject o)
            {
                foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    o.Remove(key);
                }

                foreach (var p in o)
                {
                    Strip(p.Value);
                }
            }
            else if (n is JsonArray a)
            {
                foreach (var item in a)
                {
                    Strip(item);
                }
            }
        }
    }

    [Fact]
    public async Task A_plan_is_broken_down_stored_and_created_once_under_one_key()
    {
        var plan = await CreateAsync(key: "plan-1");
        Assert.Equal(1, plan["version"]!.GetValue<int>());
        Assert.Equal("tier/short-lines", Part(plan, 1, "KATE")["decision"]!["rule"]!.GetValue<string>());
        Assert.Equal("tier/voice-only", Part(plan, 2, "KATE")["decision"]!["rule"]!.GetValue<string>());
        Assert.Equal("tier/background-talent", Part(plan, 2, "JON")["decision"]!["rule"]!.GetValue<string>());
        // 4 words and 5 words at 150 words a minute: 1.6 s + 2 s of voice.
        Assert.Equal(3.6m, Estimate(plan, W.Performer.Id, "voice")!["seconds"]!.GetValue<decimal>());

        var again = await CreateAsync(key: "plan-1");
        Assert.Equal(plan["id"]!.GetValue<string>(), again["id"]!.GetValue<string>());
        var (reused, problem) = await W.As(W.Studio).PostAsync("/v1/plans", PlanScripts.Body(W.Performer.Id, PlanScripts.Second), "plan-1");
        Assert.Equal(409, reused);
        Assert.Equal("idempotency_key_reused", problem!["code"]!.GetValue<string>());

        var (read, stored) = await W.As(W.Studio).GetJsonAsync($"/v1/plans/{plan["id"]}");
        Assert.Equal(200, read);
        Assert.Equal(WithoutNulls(plan["breakdown"]), WithoutNulls(stored!["breakdown"]));
        Assert.Equal("Harbour Lights", stored["project"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_studio_that_made_a_plan_sees_or_changes_it()
    {
        var id = (await CreateAsync())["id"]!.GetValue<string>();
        foreach (var who in new[] { W.OtherStudio, W.Performer, W.Representative, W.Auditor, W.Operator })
        {
            Assert.Equal(404, (await W.As(who).GetJsonAsync($"/v1/plans/{id}")).Status);
            Assert.Equal(404, (await W.As(who).GetJsonAsync($"/v1/plans/{id}/drafts")).Status);
            Assert.Equal(404, (await W.As(who).GetJsonAsync($"/v1/plans/{id}/changes")).Status);
        }

        Assert.Equal(404, (await W.As(W.OtherStudio).PostAsync($"/v1/plans/{id}/versions", new { screenplay = PlanScripts.Second })).Status);
        Assert.Equal(404, (await W.As(W.OtherStudio).PostAsync($"/v1/plans/{id}/requests", new { performerId = W.Performer.Id })).Status);
        Assert.Equal(403, (await W.As(W.Performer).PostAsync("/v1/plans", PlanScripts.Body(W.Performer.Id))).Status);
        Assert.Equal(404, (await W.As(W.Studio).GetJsonAsync("/v1/plans/pln_missing")).Status);
    }

    [Fact]
    public async Task A_new_version_shows_what_changed_in_the_breakdown_and_the_budgets()
    {
        var id = (await CreateAsync())["id"]!.GetValue<string>();
        var (status, v2) = await W.As(W.Studio).PostAsync($"/v1/plans/{id}/versions", new { screenplay = PlanScripts.Second }, "v2");
        Assert.True(status == 201, v2?.ToJsonString());
        Assert.Equal(2, v2!["version"]!.GetValue<int>());
        var changes = v2["changes"]!;
        Assert.Equal(1, changes["from"]!.GetValue<int>());
        var scene = changes["scenes"]!.AsArray().Single()!;
        Assert.Equal(("EXT. CLIFF - DAY", "added", "tier/stunt"), (scene["scene"]!.GetValue<string>(), scene["change"]!.GetValue<string>(), scene["after"]!["rule"]!.GetValue<string>()));
        var part = changes["parts"]!.AsArray().Single()!;
        Assert.Equal(("KATE", "added"), (part["character"]!.GetValue<string>(), part["change"]!.GetValue<string>()));

        // The voice-over grew from 5 to 10 words: 2 s to 4 s; the stunt adds body and motion and more face.
        var voice = changes["estimates"]!.AsArray().Single(e => e!["modality"]!.GetValue<string>() == "voice")!;
        Assert.Equal((3.6m, 5.6m, 2m), (voice["beforeSeconds"]!.GetValue<decimal>(), voice["afterSeconds"]!.GetValue<decimal>(), voice["deltaSeconds"]!.GetValue<decimal>()));
        var body = changes["estimates"]!.AsArray().Single(e => e!["modality"]!.GetValue<string>() == "body")!;
        Assert.Equal(0m, body["beforeSeconds"]!.GetValue<decimal>());
        Assert.True(body["afterSeconds"]!.GetValue<decimal>() > 0);

        var (_, diff) = await W.As(W.Studio).GetJsonAsync($"/v1/plans/{id}/changes?from=1&to=2");
        Assert.Equal(WithoutNulls(changes), WithoutNulls(diff));
        var (_, first) = await W.As(W.Studio).GetJsonAsync($"/v1/plans/{id}?version=1");
        Assert.Equal((1, 2), (first!["version"]!.GetValue<int>(), first["latestVersion"]!.GetValue<int>()));
        Assert.Equal(400, (await W.As(W.Studio).GetJsonAsync($"/v1/plans/{id}?version=3")).Status);
    }

    [Fact]
    public async Task Rule_overrides_are_per_plan_and_each_version_may_change_them()
    {
        var rules = new[]
        {
            new { id = "studio/hangar-live", scope = "both", tier = "human", description = "The hangar set is built: shoot it live.", anyKeyword = new[] { "hangar" } },
        };
        var plan = await CreateAsync(PlanScripts.Body(W.Performer.Id, rules: rules));
        Assert.Equal("studio/hangar-live", Part(plan, 1, "KATE")["decision"]!["rule"]!.GetValue<string>());
        Assert.Equal("human", Part(plan, 1, "KATE")["decision"]!["tier"]!.GetValue<string>());
        Assert.Equal("HANGAR", plan["ruleOverrides"]![0]!["anyKeyword"]![0]!.GetValue<string>());
        Assert.Null(Estimate(plan, W.Performer.Id, "face"));

        var other = await CreateAsync();
        Assert.Equal("tier/short-lines", Part(other, 1, "KATE")["decision"]!["rule"]!.GetValue<string>());

        var (status, reset) = await W.As(W.Studio).PostAsync($"/v1/plans/{plan["id"]}/versions", new { rules = Array.Empty<object>() });
        Assert.True(status == 201, reset?.ToJsonString());
        Assert.Equal("tier/short-lines", Part(reset!, 1, "KATE")["decision"]!["rule"]!.GetValue<string>());
        Assert.Equal("retiered", reset!["changes"]!["parts"]![0]!["change"]!.GetValue<string>());

        var (bad, problem) = await W.As(W.Studio).PostAsync("/v1/plans", PlanScripts.Body(W.Performer.Id, rules: new[] { new { id = "x", scope = "both", tier = "hologram", description = "no" } }));
        Assert.Equal(400, bad);
        Assert.Equal("rules[0].tier", problem!["field"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("INT. HANGAR - NIGHT\n\n/* a boneyard never closed\n\nKATE\nHello.\n", 3, "screenplay_malformed")]
    [InlineData("INT. HANGAR - NIGHT\n\nKate [[a note\nnever closed\n", 3, "screenplay_malformed")]
    [InlineData("INT. HANGAR - NIGHT\n\nKATE\n{long}\n", 4, "screenplay_malformed")]
    public async Task A_malformed_screenplay_is_a_400_naming_the_line(string screenplay, int line, string code)
    {
        screenplay = screenplay.Replace("{long}", new string('a', 8_001), StringComparison.Ordinal);
        var (status, problem) = await W.As(W.Studio).PostAsync("/v1/plans", PlanScripts.Body(W.Performer.Id, screenplay), "bad");
        Assert.True(status == 400, problem?.ToJsonString());
        Assert.Equal(code, problem!["code"]!.GetValue<string>());
        Assert.Equal(line, problem["line"]!.GetValue<int>());
        Assert.Equal("screenplay", problem["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_enormous_screenplay_is_a_413_naming_the_line_never_a_5xx()
    {
        // 20,000 lines of 40 characters: 820,000 characters, under the 1 MiB body but over the screenplay limit.
        var line = new string('x', 39) + "\n";
        var text = string.Concat(Enumerable.Repeat(line, 20_000));
        var (status, problem) = await W.As(W.Studio).PostAsync("/v1/plans", PlanScripts.Body(W.Performer.Id, text));
        Assert.True(status == 413, problem?.ToJsonString());
        Assert.Equal("screenplay_too_large", problem!["code"]!.GetValue<string>());
        Assert.Equal(Likeness.Application.Planning.PlanService.MaxScreenplayChars / 40 + 1, problem["line"]!.GetValue<int>());

        var (body, tooBig) = await W.As(W.Studio).PostAsync("/v1/plans", PlanScripts.Body(W.Performer.Id, text + text));
        Assert.Equal(413, body);
        Assert.Equal("body_too_large", tooBig!["code"]!.GetValue<string>());

        var id = (await CreateAsync())["id"]!.GetValue<string>();
        var (versioned, again) = await W.As(W.Studio).PostAsync($"/v1/plans/{id}/versions", new { screenplay = text });
        Assert.Equal(413, versioned);
        Assert.Equal("screenplay_too_large", again!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Drafts_pass_the_description_check_and_show_conflicts_before_sending()
    {
        var id = (await CreateAsync())["id"]!.GetValue<string>();
        var (status, drafts) = await W.As(W.Studio).GetJsonAsync($"/v1/plans/{id}/drafts");
        Assert.True(status == 200, drafts?.ToJsonString());
        var draft = drafts!["drafts"]!.AsArray().Single()!;
        Assert.Equal(W.Performer.Id, draft["performerId"]!.GetValue<string>());
        Assert.True(draft["descriptionSpecific"]!.GetValue<bool>());
        var description = draft["request"]!["description"]!.GetValue<string>();
        Assert.True(DescriptionCheck.IsReasonablySpecific(description), description);
        Assert.Contains("Harbour Lights", description);
        Assert.Contains("INT. HANGAR - NIGHT", description);
        Assert.Contains("KATE", description);
        Assert.Empty(draft["conflicts"]!.AsArray());
        var uses = draft["request"]!["uses"]!.AsArray();
        Assert.Equal(["face", "voice"], uses.Select(u => u!["modality"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(3.6m, uses.Single(u => u!["modality"]!.GetValue<string>() == "voice")!["maxSyntheticSeconds"]!.GetValue<decimal>());

        // The stunt needs body and motion, which her consent does not permit: shown before anything is sent.
        await W.As(W.Studio).PostAsync($"/v1/plans/{id}/versions", new { screenplay = PlanScripts.Second });
        var (_, later) = await W.As(W.Studio).GetJsonAsync($"/v1/plans/{id}/drafts");
        var conflicts = later!["drafts"]![0]!["conflicts"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).Distinct().ToArray();
        Assert.Equal(["modality_not_licensed"], conflicts);
        var (_, requests) = await W.As(W.Performer).GetJsonAsync("/v1/license-requests");
        Assert.Single(requests!["items"]!.AsArray());
    }

    [Fact]
    public async Task Plan_to_request_to_approval_to_render_end_to_end()
    {
        var id = (await CreateAsync())["id"]!.GetValue<string>();
        var (sent, request) = await W.As(W.Studio).PostAsync($"/v1/plans/{id}/requests", new { performerId = W.Performer.Id }, "send-1");
        Assert.True(sent == 201, request?.ToJsonString());
        Assert.Empty(request!["conflicts"]!.AsArray());
        var (resent, same) = await W.As(W.Studio).PostAsync($"/v1/plans/{id}/requests", new { performerId = W.Performer.Id }, "send-1");
        Assert.Equal((201, request["id"]!.GetValue<string>()), (resent, same!["id"]!.GetValue<string>()));
        Assert.Equal(400, (await W.As(W.Studio).PostAsync($"/v1/plans/{id}/requests", new { performerId = W.OtherPerformer.Id })).Status);

        var (approved, license) = await W.As(W.Performer).PostAsync($"/v1/license-requests/{request["id"]}/approve", new { note = "for the hangar scene" });
        Assert.True(approved == 201, license?.ToJsonString());
        var licenseId = license!["id"]!.GetValue<string>();

        object VoiceRender(string prompt, string deliverable) => new
        {
            licenseId,
            modality = "voice",
            purpose = "featureFilm",
            territory = "US",
            language = "en",
            requestedSeconds = 2,
            contentCategories = Array.Empty<string>(),
            prompt,
            derivation = "newPerformance",
            deliverable,
        };

        var (authorized, render) = await W.As(W.Studio).PostAsync("/v1/renders", VoiceRender("Kate, over the radio: then we leave without it.", "scene-2-kate-vo"), "render-1");
        Assert.True(authorized == 201, render?.ToJsonString());
        Assert.Equal("permit", render!["decision"]!.GetValue<string>());
        var (completed, usage) = await W.As(W.Studio).PostAsync($"/v1/renders/{render["renderId"]}/complete", new { actualSeconds = 2, outputSha256 = new string('a', 64) });
        Assert.True(completed == 200, usage?.ToJsonString());

        // The plan's budget binds: its voice budget is 3.6 s and 2 s of it are used, so 2 s more are denied.
        var (_, held) = await W.As(W.Studio).GetJsonAsync($"/v1/licenses/{licenseId}");
        var uses = held!["terms"]!["uses"]!.AsArray();
        var voiceUse = uses.IndexOf(uses.Single(u => u!["modality"]!.GetValue<string>() == "voice"));
        var budget = held["budgets"]!.AsArray().Single(b => b!["use"]!.GetValue<int>() == voiceUse)!;
        Assert.Equal((3.6m, 2m, 1.6m), (budget["maxSyntheticSeconds"]!.GetValue<decimal>(), budget["secondsUsed"]!.GetValue<decimal>(), budget["secondsRemaining"]!.GetValue<decimal>()));
        var (denied, problem) = await W.As(W.Studio).PostAsync("/v1/renders", VoiceRender("Kate again.", "scene-2-kate-vo-2"));
        Assert.True(denied == 403, problem?.ToJsonString());
        Assert.Equal("deny", problem!["decision"]!.GetValue<string>());
    }
}

/// <summary>The same tests on the embedded SQLite store.</summary>
public sealed class PlanApiTestsOnSqlite() : PlanApiTests(Provider.Sqlite);

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class PlanApiTestsOnPostgres() : PlanApiTests(Provider.Postgres);
