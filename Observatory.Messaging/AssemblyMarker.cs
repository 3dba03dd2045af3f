namespace Observatory.Messaging;
