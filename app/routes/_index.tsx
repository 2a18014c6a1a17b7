export default function Index() {
  return (
    <main>
      <h1>ClaimTrail</h1>
    </main>
  );
}
