// What the inbox rule editors offer to choose from: the organisation's channel accounts, departments and people.
export interface Choices {
  channels: { id: string; name: string }[];
  departments: { id: string; name: string }[];
  people: { userId: string; name: string }[];
}
