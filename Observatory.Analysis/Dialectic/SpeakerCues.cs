namespace Observatory.Analysis.Dialectic;

/// <summary>One speaker's structure cues summed over their messages (see <see cref="MessageCues"/>).</summary>
internal struct SpeakerCues
{
    public int Problem;
    public int Service;
    public int Explanation;
    public int FirstPerson;
    public int Instruction;
    public int Learning;

    public void Add(MessageCues cues)
    {
        Problem += cues.Problem;
        Service += cues.Service;
        Explanation += cues.Explanation;
        FirstPerson += cues.FirstPerson;
        Instruction += cues.Instruction;
        Learning += cues.Learning;
    }
}
