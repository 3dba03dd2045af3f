namespace Observatory.Analysis.Sentiment.Lexicon;

/// <summary>
/// One word or phrase of the lexicon: its valence (−4..+4, 0 for pure modifiers and known-neutral words), the
/// booster scalar it adds to a following sentiment word (0 for none), its <see cref="LexiconRoles"/>, and the
/// number of words of the longest phrase that starts with it (0 when none does), so one lookup per word tells the
/// scorer whether to try phrases at all. <see cref="Family"/> groups the forms written as one token of the data
/// ("courage{,ous,ously}" → courage, courageous, courageously), so a conversation that keeps returning to a subject
/// is recognized whichever form it uses (<see cref="TopicDamping"/>); 0 for entries without a valence of their own.
/// </summary>
internal readonly record struct LexiconEntry(float Valence, float Boost, LexiconRoles Roles, byte PhraseWords = 0, int Family = 0)
{
    public static readonly LexiconEntry Negator = new(0, 0, LexiconRoles.Negator);

    public bool Has(LexiconRoles role) => (Roles & role) != 0;
}
