using Observatory.Analysis;

namespace Observatory.Tests.Analysis.Aggregation;

/// <summary>
/// Hand-written conversations about three clearly different subjects — baking bread, filing taxes, a football match —
/// four each, worded differently, for aggregating real engine output.
/// </summary>
internal static class SubjectConversations
{
    public static readonly IReadOnlyList<Conversation> Baking =
    [
        TestConversation.Of(
            ("Ada", "My sourdough bread came out flat again. Is my starter too weak?"),
            ("Assistant", "A flat loaf usually means the starter was not active enough or the dough over-proofed. Feed the starter twice a day and bake when it doubles."),
            ("Ada", "How long should the dough proof before it goes in the oven?"),
            ("Assistant", "At room temperature the dough needs about four hours of bulk proofing, then shape the loaf and proof it overnight in the fridge."),
            ("Ada", "And the oven temperature for the bread?"),
            ("Assistant", "Preheat the oven with a dutch oven inside to 250 degrees, bake the loaf covered for twenty minutes, then uncovered until the crust is dark.")),
        TestConversation.Of(
            ("Ben", "Which flour is best for baking a crusty bread loaf at home?"),
            ("Assistant", "Bread flour with more protein gives a chewier crumb and a better crust than plain flour."),
            ("Ben", "Do I need yeast if I already have a sourdough starter?"),
            ("Assistant", "No, the starter leavens the dough on its own; commercial yeast only speeds up the proofing."),
            ("Ben", "Why does my crust burn before the bread is baked through?"),
            ("Assistant", "Lower the oven temperature a little and bake the loaf longer, or tent it with foil once the crust has colour.")),
        TestConversation.Of(
            ("Chloe", "I want to bake bread with my kids this weekend. What is an easy first loaf?"),
            ("Assistant", "A simple yeast loaf: flour, water, salt and yeast, knead the dough for ten minutes and let it rise for an hour."),
            ("Chloe", "How do we know the dough has risen enough?"),
            ("Assistant", "Press the dough gently with a floured finger; if the dent springs back slowly it is ready for the oven."),
            ("Chloe", "Should the oven be hot before the bread goes in?"),
            ("Assistant", "Yes, preheat the oven fully, then bake the loaf until the crust is golden and it sounds hollow when tapped.")),
        TestConversation.Of(
            ("Dan", "My homemade bread is dense and heavy. What am I doing wrong with the dough?"),
            ("Assistant", "Dense bread often comes from too much flour, too little kneading or dough that did not rise long enough."),
            ("Dan", "Could old yeast be the problem?"),
            ("Assistant", "Yes, test the yeast in warm water with sugar; if it does not foam, the dough will not rise."),
            ("Dan", "Is a baking stone worth it for the crust?"),
            ("Assistant", "A stone or steel in a hot oven gives the loaf a crisper crust and a better rise.")),
    ];

    public static readonly IReadOnlyList<Conversation> Taxes =
    [
        TestConversation.Of(
            ("Eve", "My tax return is due next week and I have not filed yet. What do I need?"),
            ("Assistant", "Gather your income statements, receipts for deductions and last year's tax return, then file online."),
            ("Eve", "Can I deduct my home office on the return?"),
            ("Assistant", "If the office is used only for work you can claim a home office deduction on your tax return."),
            ("Eve", "What if I miss the filing deadline?"),
            ("Assistant", "Request an extension before the deadline; late filing without one can mean penalties and interest on the tax owed.")),
        TestConversation.Of(
            ("Finn", "I am self-employed. How do I pay income tax on my freelance earnings?"),
            ("Assistant", "Self-employed income is taxed through your annual tax return, and you usually pay estimated tax every quarter."),
            ("Finn", "Which expenses are deductible for a freelancer?"),
            ("Assistant", "Business expenses such as equipment, software and a share of your internet bill are deductible; keep every receipt."),
            ("Finn", "Do I need an accountant to file?"),
            ("Assistant", "Not necessarily, but an accountant can find deductions you miss and check the return before you file.")),
        TestConversation.Of(
            ("Gus", "I got a letter saying my tax refund is delayed. Why would that happen?"),
            ("Assistant", "Refunds are delayed when the return has errors, missing income statements or a claim the tax office wants to verify."),
            ("Gus", "Will I be charged interest if I owe tax after the review?"),
            ("Assistant", "If the review finds you owe tax, interest runs from the original deadline, so pay promptly once you get the assessment."),
            ("Gus", "Should I file an amended return?"),
            ("Assistant", "Only if you find a mistake yourself; otherwise wait for the tax office and answer their letter with your receipts.")),
        TestConversation.Of(
            ("Hana", "How are capital gains taxed when I sell shares?"),
            ("Assistant", "Gains on shares are reported on your tax return; the rate depends on your income and how long you held them."),
            ("Hana", "Can losses reduce the tax I owe?"),
            ("Assistant", "Yes, capital losses offset gains, and unused losses can often be carried forward to a later tax year."),
            ("Hana", "Do I need to keep the broker statements?"),
            ("Assistant", "Keep the statements and receipts for several years in case the tax office audits the return.")),
    ];

    public static readonly IReadOnlyList<Conversation> Football =
    [
        TestConversation.Of(
            ("Ivo", "Did you watch the match last night? That penalty decision was terrible."),
            ("Jon", "The referee should have checked the replay; the striker clearly dived in the box."),
            ("Ivo", "Still, our midfield was awful in the first half and the coach waited too long to substitute."),
            ("Jon", "True, the second half was better once the winger came on and we scored the equaliser."),
            ("Ivo", "A draw away from home is not bad for the league table."),
            ("Jon", "If we win the next home match we are back in the top four.")),
        TestConversation.Of(
            ("Kai", "Who should start in goal on Saturday, the veteran keeper or the young one?"),
            ("Lea", "The young keeper saved two penalties last month; the coach should trust him in the league match."),
            ("Kai", "Our defence concedes too many goals from corners though."),
            ("Lea", "That is the coach's fault; the team never practises set pieces and the striker does not track back."),
            ("Kai", "The fans booed the team at the stadium after the last defeat."),
            ("Lea", "A win on Saturday would calm the stadium down.")),
        TestConversation.Of(
            ("Max", "The transfer window closes on Friday. Will the club sign a new striker?"),
            ("Nia", "The coach wants a striker who scores goals; we missed so many chances this season."),
            ("Max", "The midfield needs help too, nobody controls the match."),
            ("Nia", "The league is tight, one good signing could lift the team into the top half."),
            ("Max", "The fans at the stadium would love a big name."),
            ("Nia", "Only if the club can afford the fee and his wages.")),
        TestConversation.Of(
            ("Oli", "What a goal in the cup final! The striker curled it into the top corner."),
            ("Pia", "And the keeper had no chance. The whole stadium was on its feet."),
            ("Oli", "The referee added five minutes and the other team almost equalised from a corner."),
            ("Pia", "Our defence held on; the coach made the right substitutions in midfield."),
            ("Oli", "That is the first trophy for the team in ten years."),
            ("Pia", "The league title next season, then!")),
    ];
}
