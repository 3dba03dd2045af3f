using System.Text.Json.Nodes;

namespace Observatory.Tests.Infrastructure;

/// <summary>Small, realistic conversations about clearly different subjects, varied by a seed, for batch tests:
/// clusters must separate them.</summary>
public static class SubjectConversations
{
    public static readonly IReadOnlyDictionary<string, string[][]> Subjects = new Dictionary<string, string[][]>
    {
        ["baking"] =
        [
            ["My sourdough bread comes out dense. Is my starter too weak?", "Feed the starter twice a day and wait until it doubles before mixing the dough."],
            ["How long should the dough proof before baking?", "Let the dough proof until it rises by half, usually four hours, then bake the bread in a hot oven."],
            ["Should I bake the loaf in a dutch oven?", "Yes, a dutch oven traps steam so the bread crust gets crisp while the crumb stays open."],
            ["The crust of my bread burns before the crumb is done.", "Lower the oven temperature and bake the loaf longer; cover the bread with foil near the end."],
        ],
        ["taxes"] =
        [
            ["Can I deduct my home office on my income tax return?", "If the office is used only for work you can deduct part of rent and utilities as a business expense."],
            ["When is the quarterly estimated tax payment due?", "Estimated tax payments are due in April, June, September and January; late payments add a penalty."],
            ["Do I need receipts for every deductible expense?", "Keep receipts and invoices for each deduction; the tax office can ask for them in an audit."],
            ["How is capital gains tax calculated on shares?", "Capital gains tax applies to the profit when you sell shares; holding them over a year lowers the tax rate."],
        ],
        ["football"] =
        [
            ["Why did the coach switch the team to a back three formation?", "A back three lets the wingbacks push forward so the team attacks wide while the defenders cover the striker."],
            ["Who should take penalties for the team this season?", "The striker scored most penalties last season, so the coach keeps him as the first penalty taker."],
            ["Is pressing high worth it against a fast team?", "Pressing high wins the ball near goal but a fast team can beat the press with long passes behind the defenders."],
            ["How many goals did the midfielder score in the league?", "The midfielder scored eight league goals, mostly from shots outside the box after the team won the ball back."],
        ],
    };

    /// <summary>A conversation on <paramref name="subject"/>, made of three of its four exchanges picked by the seed.</summary>
    public static JsonObject Conversation(string subject, int seed, string? reference = null)
    {
        var exchanges = Subjects[subject];
        var messages = new JsonArray();
        for (var i = 0; i < 3; i++)
        {
            var exchange = exchanges[(seed + i) % exchanges.Length];
            messages.Add(new JsonObject { ["role"] = "user", ["content"] = exchange[0] });
            messages.Add(new JsonObject { ["role"] = "assistant", ["content"] = exchange[1] });
        }
        var conversation = new JsonObject { ["messages"] = messages };
        if (reference is not null) conversation["ref"] = reference;
        return conversation;
    }
}
