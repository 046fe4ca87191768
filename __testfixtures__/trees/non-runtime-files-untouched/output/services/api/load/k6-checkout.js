import http from 'k6/http';
export default function () {
  const res = http.get('http://api/checkout');
  console.log(res.status);
}
