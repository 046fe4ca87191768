export const Badge = ({ n }) => <span className="badge">{n}</span>;
console.log(window.location.href);
