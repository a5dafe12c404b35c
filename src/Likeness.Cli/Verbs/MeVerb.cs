using System.CommandLine;
using Likeness.Cli.Output;

namespace Likeness.Cli.Verbs;

/// <summary><c>me</c>: who the key is (its party and kind), the performers it acts for, and what it may do.</summary>
public static class MeVerb
{
    public static Command Me() =>
        Opt.Verb("me", "Who your key is: its party, the performers it acts for, what it may do")
            .Does(async (p, _) =>
            {
                using var api = Run.Client(p);
                var me = await api.SendAsync(HttpMethod.Get, "v1/me");
                if (p.GetValue(Globals.Json))
                {
                    Answer.PrintJson(me);
                }
                else
                {
                    // The capabilities wrap at 100 columns rather than run on one long line.
                    Terminal.Write(HumanView.Of(me), maxWidth: 100);
                }

                return ExitCodes.Ok;
            });
}
